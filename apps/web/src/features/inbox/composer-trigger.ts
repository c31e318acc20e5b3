/** A `/shortcut` or `@name` being typed: its sign, where the sign sits, and what follows it up to the caret. */
export type Trigger = { sign: "/" | "@"; start: number; query: string };

const triggerPattern = /(?:^|\s)([/@])([^\s/@]*)$/;

/**
 * The trigger the caret is in, if any: `signs` at the start of the text or after a space, then no
 * space up to the caret (so `and/or` or an e-mail address never opens suggestions).
 */
export function findTrigger(text: string, caret: number, signs: readonly Trigger["sign"][]): Trigger | null {
  const match = triggerPattern.exec(text.slice(0, caret));
  const sign = match?.[1] as Trigger["sign"] | undefined;
  if (!match || !sign || !signs.includes(sign)) return null;
  const query = match[2] ?? "";
  return { sign, start: caret - query.length - 1, query };
}

/** The text with the trigger (from its sign to the caret) replaced by `insert`, and where the caret goes. */
export function replaceTrigger(
  text: string,
  trigger: Trigger,
  caret: number,
  insert: string,
): { text: string; caret: number } {
  return {
    text: text.slice(0, trigger.start) + insert + text.slice(caret),
    caret: trigger.start + insert.length,
  };
}
