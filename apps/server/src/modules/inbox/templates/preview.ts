import type { SendTemplateInput } from "./dto.ts";
import type { TemplateRow } from "./repo.ts";
import { listPlaceholders } from "./template-layout.ts";

/** The body text the customer reads, variables filled in: what the chat and the list preview show. */
export function previewTemplate(template: TemplateRow, input: SendTemplateInput): string {
  const body = (template.components as { type?: string; text?: string }[]).find(
    (component) => component.type?.toUpperCase() === "BODY",
  );
  if (!body?.text) return `Template ${template.name}`;
  const values = new Map(
    listPlaceholders(body.text).map((placeholder, index) => [placeholder.key, input.body?.[index]]),
  );
  return body.text.replace(
    /\{\{\s*([a-z_][a-z0-9_]*|\d+)\s*\}\}/g,
    (match, key: string) => values.get(key) ?? match,
  );
}
