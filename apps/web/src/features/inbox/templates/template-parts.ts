/** One button of a template, `index` being its zero-based position as a send names it. */
type TemplateButton = { index: number; type: string; text: string; url: string | null };

/** A template as the customer reads it, from Meta's component definitions. */
export type TemplateParts = {
  /** `format` as Meta writes it: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, … */
  header: { format: string; text: string } | null;
  body: string;
  footer: string | null;
  buttons: TemplateButton[];
};

/** A run of a template's text: literal, a variable's value, or a variable still empty (its placeholder). */
export type TextSegment = { text: string; kind: "text" | "value" | "placeholder" };

const placeholderPattern = /\{\{\s*([a-z_][a-z0-9_]*|\d+)\s*\}\}/g;

const textOf = (value: unknown) => (typeof value === "string" ? value : "");
const fieldOf = (value: unknown, key: string) =>
  value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

/** Reads the stored components (Meta's shapes, unchecked); anything unknown is left out. */
export function readTemplateParts(components: readonly unknown[]): TemplateParts {
  const parts: TemplateParts = { header: null, body: "", footer: null, buttons: [] };
  for (const component of components) {
    const type = textOf(fieldOf(component, "type")).toUpperCase();
    const text = textOf(fieldOf(component, "text"));
    if (type === "HEADER") {
      parts.header = { format: (textOf(fieldOf(component, "format")) || "TEXT").toUpperCase(), text };
    } else if (type === "BODY") {
      parts.body = text;
    } else if (type === "FOOTER") {
      parts.footer = text || null;
    } else if (type === "BUTTONS") {
      const buttons = fieldOf(component, "buttons");
      parts.buttons = (Array.isArray(buttons) ? buttons : []).map((button, index) => ({
        index,
        type: textOf(fieldOf(button, "type")).toUpperCase(),
        text: textOf(fieldOf(button, "text")),
        url: textOf(fieldOf(button, "url")) || null,
      }));
    }
  }
  return parts;
}

/**
 * The distinct placeholders of a text in the order a send fills them, as the server reads them:
 * numbered ones by number (`{{1}}` takes the first value), then named ones as they first appear.
 */
export function listPlaceholders(text: string): string[] {
  const keys = [...new Set(Array.from(text.matchAll(placeholderPattern), (match) => match[1] as string))];
  const numbered = keys.filter((key) => /^\d+$/.test(key)).sort((a, b) => Number(a) - Number(b));
  return [...numbered, ...keys.filter((key) => !/^\d+$/.test(key))];
}

/** The text with `values` (in `listPlaceholders` order) in place of its variables, for the live preview. */
export function fillPlaceholders(text: string, values: readonly string[]): TextSegment[] {
  const valueByKey = new Map(listPlaceholders(text).map((key, index) => [key, values[index]?.trim() ?? ""]));
  const segments: TextSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(placeholderPattern)) {
    if (match.index > at) segments.push({ text: text.slice(at, match.index), kind: "text" });
    const value = valueByKey.get(match[1] as string);
    segments.push(value ? { text: value, kind: "value" } : { text: match[0], kind: "placeholder" });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: "text" });
  return segments;
}
