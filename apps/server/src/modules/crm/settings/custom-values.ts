import { AppError, type FieldError } from "../../../platform/http/errors.ts";
import type { CustomFieldDefinition } from "../filter/field-catalogue.ts";

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function checkValue(definition: CustomFieldDefinition, value: unknown): string | undefined {
  switch (definition.type) {
    case "text":
      return typeof value === "string" && value.length <= 2000
        ? undefined
        : "expected a text up to 2000 characters";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : "expected a number";
    case "boolean":
      return typeof value === "boolean" ? undefined : "expected true or false";
    case "date":
      return typeof value === "string" && datePattern.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : "expected a date as YYYY-MM-DD";
    case "select":
      return typeof value === "string" && definition.options.includes(value)
        ? undefined
        : `expected one of: ${definition.options.join(", ")}`;
    case "multi_select":
      return Array.isArray(value) && value.every((item) => definition.options.includes(item))
        ? undefined
        : `expected a list of: ${definition.options.join(", ")}`;
  }
}

/**
 * Custom field values checked against the organisation's definitions: an unknown key or a value of
 * the wrong type is a 400 naming the field. `null` clears a value. Answers the values to merge in.
 */
export function validateCustomValues(
  definitions: CustomFieldDefinition[],
  values: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const errors: FieldError[] = [];
  const accepted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const definition = byKey.get(key);
    const problem =
      definition === undefined
        ? "no such custom field"
        : value === null
          ? undefined
          : checkValue(definition, value);
    if (problem) errors.push({ field: `${path}.${key}`, message: problem });
    else accepted[key] = Array.isArray(value) ? [...new Set(value)] : value;
  }
  if (errors.length > 0) {
    throw new AppError(
      "validation",
      `Custom field ${errors.map((error) => error.field).join(", ")} is not valid.`,
      {
        errors,
      },
    );
  }
  return accepted;
}

/** Stored values after applying `changes`: nulls remove keys. */
export function mergeCustomValues(
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...current, ...changes };
  for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
  return merged;
}
