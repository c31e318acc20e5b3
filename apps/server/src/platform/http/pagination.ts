import { z } from "zod";
import { AppError } from "./errors.ts";

export const pageQuery = z.strictObject({
  cursor: z.string().max(200).optional().describe("The `nextCursor` of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type PageQuery = z.infer<typeof pageQuery>;

export type Page<T> = { data: T[]; nextCursor: string | null };

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** A list short enough by nature (my sessions, a team's members) to answer whole, in the same shape. */
export function singlePage<T>(data: T[]): Page<T> {
  return { data, nextCursor: null };
}

/** Keyset cursors are opaque to clients: the sort key of the last row, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

export const invalidCursor = () =>
  new AppError("validation", "The cursor is not one this API returned.", {
    errors: [{ field: "querystring.cursor", message: "invalid cursor" }],
  });

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (!key || encodeCursor(key) !== cursor) throw invalidCursor();
  return key;
}

/**
 * The last id of the previous page, for lists keyset-paged by id. Checked here, so a tampered
 * cursor is a 400 rather than a failed uuid cast.
 */
export function decodeIdCursor(cursor: string | undefined): string | undefined {
  const id = decodeCursor(cursor);
  if (id !== undefined && !z.uuid().safeParse(id).success) throw invalidCursor();
  return id;
}

/** Fetch `limit + 1` rows, then call this: it trims the extra row and makes the next cursor. */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  present: (row: Row) => T,
  keyOf: (row: Row) => string,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/** A cursor for lists sorted by a value, then id: the last row's sort value (as text) and id. */
export function encodeSortCursor(value: string | null, id: string): string {
  return encodeCursor(JSON.stringify([value, id]));
}

export function decodeSortCursor(
  cursor: string | undefined,
): { value: string | null; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  try {
    const [value, id] = JSON.parse(key);
    if ((typeof value === "string" || value === null) && z.uuid().safeParse(id).success) return { value, id };
  } catch {}
  throw invalidCursor();
}
