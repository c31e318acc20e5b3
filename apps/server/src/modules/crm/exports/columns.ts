import { AppError } from "../../../platform/http/errors.ts";
import type { CustomFieldDefinition } from "../filter/field-catalogue.ts";
import type { ExportedContact } from "./repo.ts";

/** One exported contact: the row with its tag names and company name. */
export type ExportRow = ExportedContact;

/** A cell as both writers take it: XLSX keeps numbers, booleans and dates typed, CSV prints them. */
export type CellValue = string | number | boolean | Date | null;

export type ExportColumn = { key: string; kind: "text" | "timestamp"; value: (row: ExportRow) => CellValue };

/** Lists inside one cell (tags, further emails, multi-select values). */
const listSeparator = "; ";

const text = (key: string, value: (row: ExportRow) => string | null): ExportColumn => ({
  key,
  kind: "text",
  value,
});

const builtInColumns: ExportColumn[] = [
  text("id", (row) => row.id),
  text("name", (row) => row.name),
  text("email", (row) => row.email),
  text("emails", (row) => row.otherEmails.join(listSeparator)),
  text("phone", (row) => row.phone),
  text("phones", (row) => row.otherPhones.join(listSeparator)),
  text("phoneAsEntered", (row) => row.phoneAsEntered),
  text("company", (row) => row.companyName),
  text("companyId", (row) => row.companyId),
  text("ownerId", (row) => row.ownerId),
  text("lifecycleStage", (row) => row.lifecycleStage),
  text("source", (row) => row.source),
  text("language", (row) => row.language),
  text("timezone", (row) => row.timezone),
  text("avatarUrl", (row) => row.avatarUrl),
  text("tags", (row) => row.tagNames?.join(listSeparator) ?? null),
  { key: "createdAt", kind: "timestamp", value: (row) => row.createdAt },
  { key: "updatedAt", kind: "timestamp", value: (row) => row.updatedAt },
];

const defaultKeys = [
  "name",
  "email",
  "phone",
  "company",
  "lifecycleStage",
  "ownerId",
  "source",
  "language",
  "timezone",
  "tags",
  "createdAt",
];

function customColumn(definition: CustomFieldDefinition): ExportColumn {
  return {
    key: `custom.${definition.key}`,
    kind: "text",
    value: (row) => {
      const value = row.customFields[definition.key];
      if (value === undefined || value === null) return null;
      if (Array.isArray(value)) return value.join(listSeparator);
      if (typeof value === "number" || typeof value === "boolean") return value;
      return String(value);
    },
  };
}

/**
 * The columns of an export, in the order asked (`columns` comma-separated), or the default set
 * followed by every custom field. An unknown name is a 400 naming it.
 */
export function resolveColumns(requested: string | undefined, definitions: CustomFieldDefinition[]) {
  const available = new Map(
    [...builtInColumns, ...definitions.map(customColumn)].map((column) => [column.key, column]),
  );
  const keys = requested?.trim()
    ? [
        ...new Set(
          requested
            .split(",")
            .map((key) => key.trim())
            .filter(Boolean),
        ),
      ]
    : [...defaultKeys, ...definitions.map((definition) => `custom.${definition.key}`)];
  const unknown = keys.filter((key) => !available.has(key));
  if (unknown.length > 0) {
    throw new AppError("validation", `Unknown export column: ${unknown.join(", ")}.`, {
      errors: unknown.map((key) => ({ field: "querystring.columns", message: `unknown column "${key}"` })),
    });
  }
  return keys.map((key) => available.get(key) as ExportColumn);
}
