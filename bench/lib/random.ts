/** A seeded pseudo-random source (mulberry32): the same seed gives the same people on every run. */
export type Random = {
  next(): number;
  int(maxExclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Earlier items more often, as common names are: a rough Zipf-like skew. */
  pickSkewed<T>(items: readonly T[]): T;
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const at = <T>(items: readonly T[], index: number): T => {
    const item = items[Math.min(index, items.length - 1)];
    if (item === undefined) throw new Error("picked from an empty list");
    return item;
  };
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    chance: (probability) => next() < probability,
    pick: (items) => at(items, Math.floor(next() * items.length)),
    pickSkewed: (items) => at(items, Math.floor(next() ** 1.7 * items.length)),
  };
}

/** Picks by weight with one binary search over the cumulative weights. */
export function weightedPicker<T>(items: readonly T[], weightOf: (item: T) => number) {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += weightOf(item);
    cumulative.push(total);
  }
  return (random: Random): T => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return items[low] as T;
  };
}

/** A UUIDv7 for a given time: ids sort like creation times, as the app's own ids do. */
export function uuidV7(ms: number, random: Random): string {
  const time = Math.floor(ms).toString(16).padStart(12, "0");
  const block = () => random.int(0x10000).toString(16).padStart(4, "0");
  const version = (0x7000 | random.int(0x1000)).toString(16);
  const variant = (0x8000 | random.int(0x4000)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-${version}-${variant}-${block()}${block()}${block()}`;
}
