import { and, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { AppError } from "../../../platform/http/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { contacts, contactTags, tags } from "../tables.ts";
import { tagName } from "./dto.ts";
import { pickTagColor } from "./palette.ts";

export type TagRow = typeof tags.$inferSelect;

const contactCount = sql<number>`(select count(*)::int from ${contactTags}
  where ${contactTags.tenantId} = ${tags.tenantId} and ${contactTags.tagId} = ${tags.id})`;

/** Inserts unless the name is taken (ignoring case); answers undefined then. */
export async function insertTag(executor: Executor, row: typeof tags.$inferInsert) {
  const [created] = await executor.insert(tags).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findTag(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), eq(tags.id, id)));
  return row;
}

export async function findTagWithCount(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select({ tag: tags, contactCount })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), eq(tags.id, id)));
  return row;
}

/** Whether another tag than `exceptId` has this name, ignoring case. */
export async function isTagNameTaken(executor: Executor, tenantId: string, name: string, exceptId: string) {
  const [row] = await executor
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), sql`lower(${tags.name}) = lower(${name})`, ne(tags.id, exceptId)))
    .limit(1);
  return row !== undefined;
}

/** Tags in case-insensitive name order, each with its number of contacts; keyset by lower-cased name. */
export async function listTags(
  executor: Executor,
  tenantId: string,
  options: { prefix?: string; afterName?: string; limit: number },
) {
  return executor
    .select({ tag: tags, contactCount, key: sql<string>`lower(${tags.name})` })
    .from(tags)
    .where(
      and(
        eq(tags.tenantId, tenantId),
        options.prefix ? sql`starts_with(lower(${tags.name}), lower(${options.prefix}))` : undefined,
        options.afterName === undefined ? undefined : sql`lower(${tags.name}) > ${options.afterName}`,
      ),
    )
    .orderBy(sql`lower(${tags.name})`)
    .limit(options.limit);
}

export async function updateTag(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<Pick<TagRow, "name" | "color">>,
) {
  const [row] = await executor
    .update(tags)
    .set(changes)
    .where(and(eq(tags.tenantId, tenantId), eq(tags.id, id)))
    .returning();
  return row;
}

/** Deletes the tag; the links to contacts go with it (cascade). */
export async function deleteTag(executor: Executor, tenantId: string, id: string) {
  await executor.delete(tags).where(and(eq(tags.tenantId, tenantId), eq(tags.id, id)));
}

/**
 * Tags many contacts in one statement (`insert … select … on conflict do nothing`): ids that are
 * not the organisation's contacts are ignored. Answers the ids that were not tagged before.
 */
export async function tagContacts(executor: Executor, tenantId: string, contactIds: string[], tagId: string) {
  if (contactIds.length === 0) return [];
  const rows = await executor
    .insert(contactTags)
    .select(
      executor
        .select({
          tenantId: contacts.tenantId,
          contactId: contacts.id,
          tagId: sql`${tagId}::uuid`.as("tag_id"),
          createdAt: sql`now()`.as("created_at"),
        })
        .from(contacts)
        .where(and(eq(contacts.tenantId, tenantId), inArray(contacts.id, contactIds))),
    )
    .onConflictDoNothing()
    .returning({ contactId: contactTags.contactId });
  return rows.map((row) => row.contactId);
}

/** Untags many contacts in one statement; answers the ids that had the tag. */
export async function untagContacts(
  executor: Executor,
  tenantId: string,
  contactIds: string[],
  tagId: string,
) {
  if (contactIds.length === 0) return [];
  const rows = await executor
    .delete(contactTags)
    .where(
      and(
        eq(contactTags.tenantId, tenantId),
        eq(contactTags.tagId, tagId),
        inArray(contactTags.contactId, contactIds),
      ),
    )
    .returning({ contactId: contactTags.contactId });
  return rows.map((row) => row.contactId);
}

/** For each of `names`, the tag of that name ignoring case (compared as the unique index does). */
async function findTagsByNames(executor: Executor, tenantId: string, names: string[]) {
  const requested = sql`(values ${sql.join(
    names.map((name) => sql`(${name}::text)`),
    sql`, `,
  )}) as requested (name)`;
  const rows = await executor
    .select({ tag: tags, requested: sql<string>`requested.name` })
    .from(tags)
    .innerJoin(requested, sql`lower(${tags.name}) = lower(requested.name)`)
    .where(eq(tags.tenantId, tenantId));
  return new Map(rows.map((row) => [row.requested, row.tag]));
}

/**
 * The organisation's tags of these names, ignoring case, creating the missing ones with a palette
 * colour (for the CSV import). Answers a map from each name as given, trimmed, to its tag. Check
 * names with `tagName` (dto.ts) first: an empty one or one over 50 characters is refused whole.
 */
export async function findOrCreateTagsByName(
  executor: Executor,
  tenantId: string,
  names: string[],
): Promise<Map<string, TagRow>> {
  const wanted = [...new Set(names.map((name) => name.trim()))];
  if (wanted.length === 0) return new Map();
  const invalid = wanted.find((name) => !tagName.safeParse(name).success);
  if (invalid !== undefined) {
    throw new AppError("validation", `"${invalid}" is not a tag name: tag names have 1 to 50 characters.`, {
      errors: [{ field: "tags", message: "tag names have 1 to 50 characters" }],
    });
  }
  const found = await findTagsByNames(executor, tenantId, wanted);
  const missing = wanted.filter((name) => !found.has(name));
  if (missing.length === 0) return found;
  // "VIP" and "vip" both missing create one tag; the insert of the other, or a concurrent import's, does nothing.
  await executor
    .insert(tags)
    .values(missing.map((name) => ({ tenantId, id: newId(), name, color: pickTagColor(name) })))
    .onConflictDoNothing();
  return findTagsByNames(executor, tenantId, wanted);
}

/** The ids of a tag's contacts as a subquery, for other modules' lists filtered by a contact tag. */
export function contactsWithTagQuery(tenantId: string, tagId: string): SQL {
  return sql`(select ${contactTags.contactId} from ${contactTags}
    where ${contactTags.tenantId} = ${tenantId} and ${contactTags.tagId} = ${tagId})`;
}
