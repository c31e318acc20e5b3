// Largest first: the first unit the elapsed time reaches is the one to count in.
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/**
 * When something happened, short, in the reader's language: "now", "5 min. ago", "3 hr. ago",
 * "yesterday"; a date past a week, when counting days stops being quicker to read.
 */
export function formatRelativeTime(iso: string, now: number, language: string): string {
  const at = Date.parse(iso);
  const elapsed = Math.max(0, now - at);
  if (elapsed >= 7 * 86_400_000) {
    return new Intl.DateTimeFormat(language, { day: "numeric", month: "short" }).format(at);
  }
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto", style: "short" });
  if (elapsed < 60_000) return format.format(0, "second");
  const [unit, size] = units.find(([, size]) => elapsed >= size) ?? ["minute", 60_000];
  return format.format(-Math.floor(elapsed / size), unit);
}
