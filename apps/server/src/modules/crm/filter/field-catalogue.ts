import { type SQL, sql } from "drizzle-orm";
import { consentChannels, contacts, lifecycleStages } from "../tables.ts";

export type CustomFieldDefinition = {
  key: string;
  label: string;
  type: "text" | "number" | "date" | "select" | "multi_select" | "boolean";
  options: string[];
};

/** How a field behaves in filters and sorts: which operators apply and what values are valid. */
export type FieldKind =
  | { type: "text"; expression: SQL }
  | { type: "choice"; expression: SQL; options: readonly string[] }
  | { type: "reference"; expression: SQL }
  | { type: "timestamp"; expression: SQL }
  | { type: "date"; expression: SQL }
  | { type: "number"; expression: SQL }
  | { type: "boolean"; expression: SQL }
  | { type: "tags" }
  | { type: "multi"; expression: SQL; options: readonly string[] }
  | { type: "consent"; channel: string };

const builtIn: Record<string, FieldKind> = {
  name: { type: "text", expression: sql`${contacts.name}` },
  email: { type: "text", expression: sql`${contacts.email}` },
  phone: { type: "text", expression: sql`${contacts.phone}` },
  source: { type: "text", expression: sql`${contacts.source}` },
  language: { type: "text", expression: sql`${contacts.language}` },
  timezone: { type: "text", expression: sql`${contacts.timezone}` },
  lifecycleStage: { type: "choice", expression: sql`${contacts.lifecycleStage}`, options: lifecycleStages },
  ownerId: { type: "reference", expression: sql`${contacts.ownerId}` },
  companyId: { type: "reference", expression: sql`${contacts.companyId}` },
  createdAt: { type: "timestamp", expression: sql`${contacts.createdAt}` },
  updatedAt: { type: "timestamp", expression: sql`${contacts.updatedAt}` },
  tags: { type: "tags" },
  ...Object.fromEntries(
    consentChannels.map((channel) => [`consent.${channel}`, { type: "consent", channel } as const]),
  ),
};

function customFieldKind(definition: CustomFieldDefinition): FieldKind {
  const text = sql`(${contacts.customFields} ->> ${definition.key})`;
  switch (definition.type) {
    case "text":
      return { type: "text", expression: text };
    case "number":
      return { type: "number", expression: sql`(${text})::numeric` };
    case "date":
      return { type: "date", expression: text };
    case "select":
      return { type: "choice", expression: text, options: definition.options };
    case "boolean":
      return { type: "boolean", expression: sql`(${contacts.customFields} -> ${definition.key})` };
    case "multi_select":
      return {
        type: "multi",
        expression: sql`(${contacts.customFields} -> ${definition.key})`,
        options: definition.options,
      };
  }
}

/** The fields a contact filter or sort can name: built-in ones and the organisation's custom fields. */
export function contactFieldCatalogue(definitions: CustomFieldDefinition[]): Map<string, FieldKind> {
  const catalogue = new Map(Object.entries(builtIn));
  for (const definition of definitions)
    catalogue.set(`custom.${definition.key}`, customFieldKind(definition));
  return catalogue;
}
