/** Colours a tag gets when none is chosen: distinct, readable on light and dark backgrounds. */
const palette = [
  "#ef4444",
  "#f97316",
  "#eab308",
  "#22c55e",
  "#14b8a6",
  "#3b82f6",
  "#6366f1",
  "#a855f7",
  "#ec4899",
  "#64748b",
];

/** The palette colour of a name: the same name gets the same colour, whoever creates it. */
export function pickTagColor(name: string): string {
  let hash = 0;
  for (const character of name.toLowerCase()) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] as string;
}
