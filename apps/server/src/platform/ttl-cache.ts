/** A small in-process cache whose entries expire, bounded so it cannot grow without limit. */
export function createTtlCache<Value>(options: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<string, { value: Value; expiresAt: number }>();
  return {
    get(key: string): Value | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt > Date.now()) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key: string, value: Value) {
      if (entries.size >= options.maxEntries) entries.clear();
      entries.set(key, { value, expiresAt: Date.now() + options.ttlMs });
    },
    delete(key: string) {
      entries.delete(key);
    },
    deleteWhere(matches: (value: Value) => boolean) {
      for (const [key, entry] of entries) if (matches(entry.value)) entries.delete(key);
    },
  };
}
