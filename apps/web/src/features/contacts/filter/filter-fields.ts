import type { TFunction } from "i18next";
import { type CustomField, lifecycleStages } from "../contacts-api";

/** How a field filters: mirrors the server's field catalogue (apps/server/src/modules/crm/filter). */
export type FieldType =
  | "text"
  | "choice"
  | "reference"
  | "timestamp"
  | "date"
  | "number"
  | "boolean"
  | "tags"
  | "multi"
  | "consent";

export type FilterOperator =
  | "eq"
  | "neq"
  | "contains"
  | "not_contains"
  | "starts_with"
  | "is_empty"
  | "is_not_empty"
  | "in"
  | "not_in"
  | "gt"
  | "gte"
  | "lt"
  | "lte"
  | "has_any"
  | "has_all"
  | "has_none";

export type Option = { value: string; label: string };

export type FilterField = { id: string; label: string; type: FieldType; options: Option[] };

/** What the value input looks like for a field and operator. */
export type ValueShape = "none" | "text" | "number" | "date" | "boolean" | "option" | "options";

const emptiness: FilterOperator[] = ["is_empty", "is_not_empty"];

export const operatorsByType: Record<FieldType, FilterOperator[]> = {
  text: ["contains", "not_contains", "eq", "neq", "starts_with", ...emptiness],
  choice: ["eq", "neq", "in", "not_in", ...emptiness],
  reference: ["eq", "neq", "in", "not_in", ...emptiness],
  timestamp: ["gt", "gte", "lt", "lte", ...emptiness],
  date: ["eq", "gt", "gte", "lt", "lte", ...emptiness],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", ...emptiness],
  boolean: ["eq", ...emptiness],
  tags: ["has_any", "has_all", "has_none", ...emptiness],
  multi: ["has_any", "has_all", "has_none", ...emptiness],
  consent: ["eq", "neq"],
};

export function valueShapeOf(type: FieldType, operator: FilterOperator): ValueShape {
  if (operator === "is_empty" || operator === "is_not_empty") return "none";
  switch (type) {
    case "text":
      return "text";
    case "number":
      return "number";
    case "timestamp":
    case "date":
      return "date";
    case "boolean":
      return "boolean";
    case "tags":
    case "multi":
      return "options";
    case "choice":
    case "reference":
      return operator === "in" || operator === "not_in" ? "options" : "option";
    case "consent":
      return "option";
  }
}

/** Dates and numbers compare; the operator names read better as "before/after" for dates. */
export function operatorLabel(t: TFunction, type: FieldType, operator: FilterOperator): string {
  if ((type === "timestamp" || type === "date") && ["gt", "gte", "lt", "lte"].includes(operator)) {
    return t(`contacts.filter.dateOperators.${operator as "gt" | "gte" | "lt" | "lte"}`);
  }
  return t(`contacts.filter.operators.${operator}`);
}

const customTypes: Record<CustomField["type"], FieldType> = {
  text: "text",
  number: "number",
  date: "date",
  select: "choice",
  multi_select: "multi",
  boolean: "boolean",
};

export const consentChannels = ["whatsapp", "email", "sms"] as const;

/** Every field a filter can name, in the order the picker lists them. */
export function filterFields(
  t: TFunction,
  context: {
    customFields: readonly CustomField[];
    members: readonly Option[];
    tags: readonly Option[] | undefined;
  },
): FilterField[] {
  const text = (id: "name" | "email" | "phone" | "source" | "language" | "timezone"): FilterField => ({
    id,
    label: t(`contacts.columns.${id}`),
    type: "text",
    options: [],
  });
  const consentOptions: Option[] = (["opted_in", "opted_out", "none"] as const).map((status) => ({
    value: status,
    label: t(`contacts.consent.status.${status}`),
  }));
  const fields: FilterField[] = [
    text("name"),
    text("email"),
    text("phone"),
    {
      id: "lifecycleStage",
      label: t("contacts.columns.lifecycleStage"),
      type: "choice",
      options: lifecycleStages.map((stage) => ({ value: stage, label: t(`contacts.stages.${stage}`) })),
    },
    { id: "ownerId", label: t("contacts.columns.owner"), type: "reference", options: [...context.members] },
    text("source"),
    text("language"),
    text("timezone"),
    { id: "createdAt", label: t("contacts.columns.createdAt"), type: "timestamp", options: [] },
    { id: "updatedAt", label: t("contacts.columns.updatedAt"), type: "timestamp", options: [] },
  ];
  if (context.tags) {
    fields.push({ id: "tags", label: t("contacts.columns.tags"), type: "tags", options: [...context.tags] });
  }
  for (const channel of consentChannels) {
    fields.push({
      id: `consent.${channel}`,
      label: t("contacts.filter.consentOn", { channel: t(`contacts.consent.channels.${channel}`) }),
      type: "consent",
      options: consentOptions,
    });
  }
  for (const field of context.customFields) {
    fields.push({
      id: `custom.${field.key}`,
      label: field.label,
      type: customTypes[field.type],
      options: field.options.map((option) => ({ value: option, label: option })),
    });
  }
  return fields;
}
