import { and, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { textArray } from "../../../platform/db/text-array.ts";
import { after, type ContactSort, orderBy, type SortPosition, sortKey } from "../filter/sort.ts";
import { companies, contacts, contactTags, tags } from "../tables.ts";

export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = typeof contacts.$inferInsert;
export type ContactChanges = Partial<Omit<ContactRow, "tenantId" | "id" | "createdAt" | "updatedAt">>;

export async function insertContacts(executor: Executor, rows: NewContactRow[]) {
  if (rows.length === 0) return [];
  return executor.insert(contacts).values(rows).returning();
}

export async function findContact(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)));
  return row;
}

export async function findContacts(executor: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), inArray(contacts.id, ids)));
}

/**
 * The ids of contacts having any of these E.164 phones or lower-cased emails, primary or further
 * ones, as a subquery: the primary ones through their btrees, the further ones (arrays) through
 * `sbos_contacts_with_further_identities`, as `&&` under row-level security cannot use an index.
 */
export function contactIdsWithIdentity(
  tenantId: string,
  identity: { phones: string[]; emails: string[] },
): SQL {
  const phones = textArray(identity.phones);
  const emails = textArray(identity.emails);
  return sql`(select ${contacts.id} from ${contacts} where ${contacts.tenantId} = ${tenantId} and ${contacts.phone} = any(${phones}::text[])
    union select ${contacts.id} from ${contacts} where ${contacts.tenantId} = ${tenantId} and ${contacts.email} = any(${emails}::text[])
    union select sbos_contacts_with_further_identities(${phones}::text[], ${emails}::text[]))`;
}

/** Contacts having any of these E.164 phones or lower-cased emails, primary or further ones. */
export async function findContactsByIdentity(
  executor: Executor,
  tenantId: string,
  identity: { phones: string[]; emails: string[] },
) {
  if (identity.phones.length === 0 && identity.emails.length === 0) return [];
  return executor
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        sql`${contacts.id} in ${contactIdsWithIdentity(tenantId, identity)}`,
      ),
    );
}

/** Contacts whose name is similar (trigram similarity) to `name`, best first. */
export async function findContactsWithSimilarName(
  executor: Executor,
  tenantId: string,
  name: string,
  limit: number,
) {
  return executor
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        // `%` (similarity above 0.3) can use the trigram index; the stricter bar is checked after.
        sql`${contacts.name} % ${name}`,
        sql`similarity(${contacts.name}, ${name}) > 0.6`,
      ),
    )
    .orderBy(sql`similarity(${contacts.name}, ${name}) desc`)
    .limit(limit);
}

// Written out with aliases: drizzle prints columns of the selected fields unqualified, which a
// correlated subquery over tables that share column names cannot use.
/** A contact's company name, as a correlated subquery of a query on contacts. */
export const contactCompanyName = sql<string | null>`(
  select co.name from ${companies} co
  where co.tenant_id = ${contacts}.tenant_id and co.id = ${contacts}.company_id)`;

const contactTagList = sql<{ id: string; name: string; color: string }[]>`coalesce((
  select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by t.name)
  from ${contactTags} ct join ${tags} t on t.tenant_id = ct.tenant_id and t.id = ct.tag_id
  where ct.tenant_id = ${contacts}.tenant_id and ct.contact_id = ${contacts}.id), '[]')`;

/**
 * One page of contacts matching `where`, in `sort` order, with each row's sort value for the cursor,
 * its tags and its company name: one query for the page.
 */
export async function listContacts(
  executor: Executor,
  tenantId: string,
  where: SQL | undefined,
  sort: ContactSort,
  page: { after?: SortPosition; limit: number },
) {
  return executor
    .select({
      contact: contacts,
      sortKey: sortKey(sort),
      tags: contactTagList,
      companyName: contactCompanyName,
    })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), where, page.after ? after(sort, page.after) : undefined))
    .orderBy(orderBy(sort))
    .limit(page.limit);
}

export async function countContacts(executor: Executor, tenantId: string, where: SQL | undefined) {
  const [row] = await executor
    .select({ count: count() })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), where));
  return row?.count ?? 0;
}

/** The ids of every contact matching `where`, in id order, after `afterId`: bulk work walks these in batches. */
export async function listContactIds(
  executor: Executor,
  tenantId: string,
  where: SQL | undefined,
  page: { afterId?: string; limit: number },
) {
  const rows = await executor
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        where,
        page.afterId ? sql`${contacts.id} > ${page.afterId}` : undefined,
      ),
    )
    .orderBy(contacts.id)
    .limit(page.limit);
  return rows.map((row) => row.id);
}

export async function updateContact(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: ContactChanges,
) {
  const [row] = await executor
    .update(contacts)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)))
    .returning();
  return row;
}

export async function deleteContacts(executor: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return;
  await executor.delete(contacts).where(and(eq(contacts.tenantId, tenantId), inArray(contacts.id, ids)));
}

/** The tags of each contact, by contact id. */
export async function findTagsOfContacts(executor: Executor, tenantId: string, contactIds: string[]) {
  const byContact = new Map<string, { id: string; name: string; color: string }[]>();
  if (contactIds.length === 0) return byContact;
  const rows = await executor
    .select({ contactId: contactTags.contactId, id: tags.id, name: tags.name, color: tags.color })
    .from(contactTags)
    .innerJoin(tags, and(eq(tags.tenantId, contactTags.tenantId), eq(tags.id, contactTags.tagId)))
    .where(and(eq(contactTags.tenantId, tenantId), inArray(contactTags.contactId, contactIds)))
    .orderBy(tags.name);
  for (const { contactId, ...tag } of rows)
    byContact.set(contactId, [...(byContact.get(contactId) ?? []), tag]);
  return byContact;
}

/** Company names by id. */
export async function findCompanyNames(executor: Executor, tenantId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await executor
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.tenantId, tenantId), inArray(companies.id, unique)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Drops a deleted custom field's values from every contact. */
export async function removeCustomValue(executor: Executor, tenantId: string, key: string) {
  await executor
    .update(contacts)
    .set({ customFields: sql`${contacts.customFields} - ${key}::text` })
    .where(and(eq(contacts.tenantId, tenantId), sql`jsonb_exists(${contacts.customFields}, ${key})`));
}

/** Serialises upserts of the same phone or email within the transaction, so a race cannot create twins. */
export async function lockIdentity(
  executor: Executor,
  tenantId: string,
  keys: (string | null | undefined)[],
) {
  const present = keys
    .filter((key): key is string => Boolean(key))
    .map((key) => key.replaceAll(/\D/g, "") || key);
  for (const key of present.sort()) {
    await executor.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${key}`}, 0))`);
  }
}

/** Marks contacts changed by a write to another table (tags), so `updatedAt` sorts and filters stay right. */
export async function touchContacts(executor: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return;
  await executor
    .update(contacts)
    .set({ updatedAt: new Date() })
    .where(and(eq(contacts.tenantId, tenantId), inArray(contacts.id, ids)));
}
