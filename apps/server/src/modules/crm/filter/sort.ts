import { type SQL, sql } from "drizzle-orm";
import { AppError } from "../../../platform/http/errors.ts";
import { contacts } from "../tables.ts";
import type { FieldKind } from "./field-catalogue.ts";

export type ContactSort = { expression: SQL | undefined; direction: "asc" | "desc"; notNull?: boolean };

/** Columns that are never null: their keyset condition is a plain row comparison, which an index serves. */
const notNullFields = new Set(["name", "lifecycleStage", "updatedAt"]);

/** A keyset position: the sort value as PostgreSQL prints it (full precision) and the row id. */
export type SortPosition = { value: string | null; id: string };

const sortableTypes = new Set(["text", "choice", "reference", "timestamp", "date", "number", "boolean"]);

/**
 * The order of a contact list. `createdAt` (the default) sorts by id, which is time-ordered (UUIDv7)
 * and has the primary key for an index; every other field sorts by value, then id.
 */
export function resolveSort(
  field: string | undefined,
  direction: "asc" | "desc" | undefined,
  catalogue: Map<string, FieldKind>,
): ContactSort {
  if (field === undefined || field === "createdAt")
    return { expression: undefined, direction: direction ?? "desc" };
  const kind = catalogue.get(field);
  if (!kind || !sortableTypes.has(kind.type) || !("expression" in kind)) {
    throw new AppError("validation", `Contacts cannot be sorted by "${field}".`, {
      errors: [{ field: "querystring.sort", message: `unknown or unsortable field "${field}"` }],
    });
  }
  return { expression: kind.expression, direction: direction ?? "asc", notNull: notNullFields.has(field) };
}

/** ORDER BY with PostgreSQL's own null placement (last ascending, first descending), so indexes serve both ways. */
export function orderBy(sort: ContactSort): SQL {
  const direction = sql.raw(sort.direction);
  if (!sort.expression) return sql`${contacts.id} ${direction}`;
  return sql`${sort.expression} ${direction}, ${contacts.id} ${direction}`;
}

/** The rows after `position` in this order. */
export function after(sort: ContactSort, position: SortPosition): SQL {
  const { expression } = sort;
  const beyond = sql.raw(sort.direction === "asc" ? ">" : "<");
  if (!expression) return sql`${contacts.id} ${beyond} ${position.id}`;
  if (sort.notNull) return sql`(${expression}, ${contacts.id}) ${beyond} (${position.value}, ${position.id})`;
  if (sort.direction === "asc") {
    if (position.value === null) return sql`(${expression} is null and ${contacts.id} > ${position.id})`;
    return sql`((${expression}, ${contacts.id}) > (${position.value}, ${position.id}) or ${expression} is null)`;
  }
  if (position.value === null)
    return sql`((${expression} is null and ${contacts.id} < ${position.id}) or ${expression} is not null)`;
  return sql`(${expression}, ${contacts.id}) < (${position.value}, ${position.id})`;
}

/** The sort value of each row as text, for the next cursor. */
export function sortKey(sort: ContactSort): SQL<string | null> {
  return sort.expression ? sql<string | null>`(${sort.expression})::text` : sql<string | null>`null`;
}
