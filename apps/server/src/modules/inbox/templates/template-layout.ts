import { z } from "zod";

/** A placeholder as written in the template: `"1"` for `{{1}}`, `"first_name"` for `{{first_name}}`. */
export type Placeholder = { key: string; named: boolean };

/** What a send of a stored template must fill in, read from Meta's component definitions. */
export type TemplateLayout = {
  /** `format` as Meta writes it: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, … */
  header: { format: string; placeholders: Placeholder[] } | null;
  body: Placeholder[];
  /** Every button, `index` being its zero-based position as a send names it. */
  buttons: { index: number; type: string; placeholders: Placeholder[] }[];
  /** Component types whose send parameters we cannot build (carousels, limited-time offers, …). */
  unsupported: string[];
};

const placeholderPattern = /\{\{\s*([a-z_][a-z0-9_]*|\d+)\s*\}\}/g;

/**
 * The distinct placeholders of a text, in the order a send supplies them: positional ones by
 * number (Meta matches `{{1}}` to the first parameter), named ones as they first appear.
 */
export function listPlaceholders(text: string): Placeholder[] {
  const keys = [...new Set(Array.from(text.matchAll(placeholderPattern), (match) => match[1] as string))];
  const positional = keys.filter((key) => /^\d+$/.test(key)).sort((a, b) => Number(a) - Number(b));
  const named = keys.filter((key) => !/^\d+$/.test(key));
  return [...positional.map((key) => ({ key, named: false })), ...named.map((key) => ({ key, named: true }))];
}

const componentSchema = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(z.looseObject({ type: z.string(), url: z.string().optional() })).optional(),
});

/** Reads the stored components; anything it does not recognise lands in `unsupported`. */
export function readTemplateLayout(components: unknown[]): TemplateLayout {
  const layout: TemplateLayout = { header: null, body: [], buttons: [], unsupported: [] };
  for (const raw of components) {
    const parsed = componentSchema.safeParse(raw);
    if (!parsed.success) {
      layout.unsupported.push("UNREADABLE");
      continue;
    }
    const component = parsed.data;
    const type = component.type.toUpperCase();
    if (type === "HEADER") {
      const format = (component.format ?? "TEXT").toUpperCase();
      layout.header = {
        format,
        placeholders: format === "TEXT" ? listPlaceholders(component.text ?? "") : [],
      };
    } else if (type === "BODY") {
      layout.body = listPlaceholders(component.text ?? "");
    } else if (type === "BUTTONS") {
      layout.buttons = (component.buttons ?? []).map((button, index) => {
        const buttonType = button.type.toUpperCase();
        // An authentication template's `OTP` button is listed back by Meta as a URL ending in `{{1}}`:
        // either way the code goes in a `url` button parameter.
        const placeholders =
          buttonType === "OTP"
            ? [{ key: "1", named: false }]
            : buttonType === "URL"
              ? listPlaceholders(button.url ?? "")
              : [];
        return { index, type: buttonType, placeholders };
      });
    } else if (type !== "FOOTER") {
      layout.unsupported.push(type);
    }
  }
  return layout;
}
