/** What a canned reply may mention, filled from the conversation's contact when it is inserted. */
export const cannedReplyVariables = [
  "contact.name",
  "contact.first_name",
  "contact.last_name",
  "contact.phone",
  "contact.email",
] as const;

const variablePattern = /\{\{\s*([a-z_.]+)\s*\}\}/g;

/** Variables written in `body` that are not in the list above. */
export function unknownVariables(body: string): string[] {
  const known = new Set<string>(cannedReplyVariables);
  return [...new Set(Array.from(body.matchAll(variablePattern), (match) => match[1] as string))].filter(
    (name) => !known.has(name),
  );
}

export type ContactValues = { name: string; phone: string | null; email: string | null };

/** The reply with its variables filled in; a value the contact lacks becomes empty. */
export function renderCannedReply(body: string, contact: ContactValues): string {
  const [first = "", ...rest] = contact.name.trim().split(/\s+/);
  const values: Record<string, string> = {
    "contact.name": contact.name,
    "contact.first_name": first,
    "contact.last_name": rest.join(" "),
    "contact.phone": contact.phone ?? "",
    "contact.email": contact.email ?? "",
  };
  return body.replace(variablePattern, (match, name: string) => values[name] ?? match);
}
