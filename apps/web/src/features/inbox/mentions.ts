/** A member chosen from the `@` suggestions while writing a note. */
export type Mention = { userId: string; name: string };

/** The ids of the chosen members still mentioned in the text: a mention deleted from the draft is not sent. */
export function mentionedIds(text: string, chosen: readonly Mention[]): string[] {
  return [
    ...new Set(chosen.filter((member) => text.includes(`@${member.name}`)).map((member) => member.userId)),
  ];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The text split around `@Name` of the given members, for highlighting; longer names are tried
 * first so "@Ann Lee" is not read as "@Ann" followed by " Lee".
 */
export function splitMentions(text: string, names: readonly string[]): { text: string; mention: boolean }[] {
  const alternatives = [...new Set(names.filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (alternatives.length === 0) return [{ text, mention: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])@(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const parts: { text: string; mention: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), mention: false });
    parts.push({ text: match[0], mention: true });
    at = match.index + match[0].length;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), mention: false });
  return parts;
}
