import { and, not, or, type SQL, sql } from "drizzle-orm";
import { escapeLike } from "../../../platform/db/like.ts";
import { AppError } from "../../../platform/http/errors.ts";
import { consentStatuses, consents, contacts, contactTags } from "../tables.ts";
import type { FieldKind } from "./field-catalogue.ts";
import { type ContactFilter, type FilterCondition, isFilterGroup } from "./filter-dto.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const maxListLength = 500;

class InvalidCondition extends Error {
  constructor(
    readonly part: "field" | "operator" | "value",
    message: string,
  ) {
    super(message);
  }
}

/** LIKE wildcards typed by a person match themselves. */

function textValue(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 500)
    throw new InvalidCondition("value", "expected a non-empty text of at most 500 characters");
  return value;
}

function listValue(value: unknown, check: (item: unknown) => string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > maxListLength)
    throw new InvalidCondition("value", `expected a list of 1 to ${maxListLength} values`);
  return value.map(check);
}

const uuidValue = (value: unknown) => {
  if (typeof value !== "string" || !uuidPattern.test(value))
    throw new InvalidCondition("value", "expected an id (UUID)");
  return value;
};

const optionValue = (options: readonly string[]) => (value: unknown) => {
  if (typeof value !== "string" || !options.includes(value))
    throw new InvalidCondition("value", `expected one of: ${options.join(", ")}`);
  return value;
};

function timestampValue(value: unknown): string {
  if (typeof value !== "string" || Number.isNaN(Date.parse(value)))
    throw new InvalidCondition("value", "expected a date or date-time in ISO 8601, e.g. 2026-01-31");
  return value;
}

function dateValue(value: unknown): string {
  if (typeof value !== "string" || !datePattern.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidCondition("value", "expected a date as YYYY-MM-DD");
  return value;
}

function numberValue(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new InvalidCondition("value", "expected a number");
  return value;
}

const isEmptyText = (expression: SQL) => sql`(${expression} is null or ${expression} = '')`;

function compareOrdered(expression: SQL, operator: string, value: unknown): SQL | undefined {
  const operators: Record<string, string> = { gt: ">", gte: ">=", lt: "<", lte: "<=", eq: "=" };
  const symbol = operators[operator];
  return symbol === undefined ? undefined : sql`${expression} ${sql.raw(symbol)} ${value}`;
}

function emptiness(expression: SQL, operator: string): SQL | undefined {
  if (operator === "is_empty") return sql`${expression} is null`;
  if (operator === "is_not_empty") return sql`${expression} is not null`;
  return undefined;
}

const tagLink = (tagIds?: string[]) => sql`select 1 from ${contactTags}
  where ${contactTags.tenantId} = ${contacts.tenantId} and ${contactTags.contactId} = ${contacts.id}
  ${tagIds ? sql`and ${contactTags.tagId} in ${tagIds}` : sql``}`;

function compileTags(operator: string, value: unknown): SQL | undefined {
  if (operator === "is_empty") return sql`not exists (${tagLink()})`;
  if (operator === "is_not_empty") return sql`exists (${tagLink()})`;
  if (!["has_any", "has_all", "has_none"].includes(operator)) return undefined;
  const tagIds = [...new Set(listValue(value, uuidValue))];
  if (operator === "has_any") return sql`exists (${tagLink(tagIds)})`;
  if (operator === "has_none") return sql`not exists (${tagLink(tagIds)})`;
  return sql`(select count(*) from (${tagLink(tagIds)}) as linked) = ${tagIds.length}`;
}

function compileConsent(channel: string, operator: string, value: unknown): SQL | undefined {
  if (operator !== "eq" && operator !== "neq") return undefined;
  const status = optionValue([...consentStatuses, "none"])(value);
  const row = sql`select 1 from ${consents} where ${consents.tenantId} = ${contacts.tenantId}
    and ${consents.contactId} = ${contacts.id} and ${consents.channel} = ${channel}
    ${status === "none" ? sql`` : sql`and ${consents.status} = ${status}`}`;
  const matches = status === "none" ? sql`not exists (${row})` : sql`exists (${row})`;
  return operator === "eq" ? matches : not(matches);
}

function compileMulti(expression: SQL, options: readonly string[], operator: string, value: unknown) {
  if (operator === "is_empty") return sql`coalesce(jsonb_array_length(${expression}), 0) = 0`;
  if (operator === "is_not_empty") return sql`coalesce(jsonb_array_length(${expression}), 0) > 0`;
  const values = listValue(value, optionValue(options));
  const array = sql`array[${sql.join(
    values.map((item) => sql`${item}`),
    sql`, `,
  )}]::text[]`;
  if (operator === "has_any") return sql`coalesce(jsonb_exists_any(${expression}, ${array}), false)`;
  if (operator === "has_all") return sql`coalesce(jsonb_exists_all(${expression}, ${array}), false)`;
  if (operator === "has_none") return sql`not coalesce(jsonb_exists_any(${expression}, ${array}), false)`;
  return undefined;
}

function compileText(expression: SQL, operator: string, value: unknown): SQL | undefined {
  if (operator === "is_empty") return isEmptyText(expression);
  if (operator === "is_not_empty") return not(isEmptyText(expression));
  const text = textValue(value);
  switch (operator) {
    case "eq":
      return sql`lower(${expression}) = lower(${text})`;
    case "neq":
      return sql`lower(${expression}) is distinct from lower(${text})`;
    case "contains":
      return sql`${expression} ilike ${`%${escapeLike(text)}%`}`;
    case "not_contains":
      return sql`coalesce(${expression}, '') not ilike ${`%${escapeLike(text)}%`}`;
    case "starts_with":
      return sql`${expression} ilike ${`${escapeLike(text)}%`}`;
    default:
      return undefined;
  }
}

function compileChoice(expression: SQL, check: (value: unknown) => string, operator: string, value: unknown) {
  const empty = emptiness(expression, operator);
  if (empty) return empty;
  if (operator === "eq") return sql`${expression} = ${check(value)}`;
  if (operator === "neq") return sql`${expression} is distinct from ${check(value)}`;
  if (operator === "in") return sql`${expression} in ${listValue(value, check)}`;
  if (operator === "not_in")
    return sql`(${expression} is null or ${expression} not in ${listValue(value, check)})`;
  return undefined;
}

function compileCondition(kind: FieldKind, operator: string, value: unknown): SQL | undefined {
  switch (kind.type) {
    case "text":
      return compileText(kind.expression, operator, value);
    case "choice":
      return compileChoice(kind.expression, optionValue(kind.options), operator, value);
    case "reference":
      return compileChoice(kind.expression, uuidValue, operator, value);
    case "timestamp":
      return (
        emptiness(kind.expression, operator) ??
        (operator === "eq" ? undefined : compareOrdered(kind.expression, operator, timestampValue(value)))
      );
    case "date":
      return (
        emptiness(kind.expression, operator) ?? compareOrdered(kind.expression, operator, dateValue(value))
      );
    case "number":
      if (operator === "neq") return sql`${kind.expression} is distinct from ${numberValue(value)}`;
      return (
        emptiness(kind.expression, operator) ?? compareOrdered(kind.expression, operator, numberValue(value))
      );
    case "boolean":
      if (operator !== "eq") return emptiness(kind.expression, operator);
      if (typeof value !== "boolean") throw new InvalidCondition("value", "expected true or false");
      return sql`${kind.expression} = ${JSON.stringify(value)}::jsonb`;
    case "tags":
      return compileTags(operator, value);
    case "multi":
      return compileMulti(kind.expression, kind.options, operator, value);
    case "consent":
      return compileConsent(kind.channel, operator, value);
  }
}

/**
 * The SQL condition of a contact filter. Every field is looked up in the catalogue and every value
 * checked against its field's type: an unknown field, an operator the field does not support or a
 * value of the wrong type is a 400 naming the condition (`path` is where the filter came from).
 */
export function compileFilter(filter: ContactFilter, catalogue: Map<string, FieldKind>, path: string): SQL {
  const parts = filter.conditions.map((entry, index) => {
    const at = `${path}.conditions.${index}`;
    if (isFilterGroup(entry)) return compileFilter(entry, catalogue, at);
    return compileOne(entry, catalogue, at);
  });
  if (parts.length === 0) return sql`true`;
  return (filter.match === "all" ? and(...parts) : or(...parts)) as SQL;
}

function compileOne(condition: FilterCondition, catalogue: Map<string, FieldKind>, at: string): SQL {
  const kind = catalogue.get(condition.field);
  try {
    if (!kind) throw new InvalidCondition("field", `unknown field "${condition.field}"`);
    const compiled = compileCondition(kind, condition.operator, condition.value);
    if (!compiled)
      throw new InvalidCondition("operator", `"${condition.operator}" does not apply to ${condition.field}`);
    return sql`(${compiled})`;
  } catch (error) {
    if (!(error instanceof InvalidCondition)) throw error;
    throw new AppError("validation", `The filter is not valid: ${error.message}.`, {
      errors: [{ field: `${at}.${error.part}`, message: error.message }],
    });
  }
}
