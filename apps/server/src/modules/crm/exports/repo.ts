import { and, asc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { contactCompanyName } from "../contacts/repo.ts";
import { contacts, contactTags, tags } from "../tables.ts";

/** Every column an export can show: all but the search keys, which are derived and only for the indexes. */
const {
  searchName: _searchName,
  searchNameRest: _searchNameRest,
  emailDomain: _emailDomain,
  phoneReversed: _phoneReversed,
  ...exportedColumns
} = getTableColumns(contacts);

// Written out with aliases: drizzle prints columns of the selected fields unqualified, which a
// correlated subquery over tables that share column names cannot use.
const tagNames = sql<string[] | null>`(
  select array_agg(t.name order by t.name) from ${contactTags} ct
  join ${tags} t on t.tenant_id = ct.tenant_id and t.id = ct.tag_id
  where ct.tenant_id = ${contacts}.tenant_id and ct.contact_id = ${contacts}.id)`;

export type ExportedContact = Awaited<ReturnType<typeof listExportBatch>>[number];

/**
 * The next batch of contacts matching `where` in id order, with their tag names and company name,
 * in one query: a million-row export makes this call 500 times, so round trips and bound
 * parameters (no id lists) are what it saves.
 */
export async function listExportBatch(
  executor: Executor,
  tenantId: string,
  where: SQL | undefined,
  page: { afterId?: string; limit: number },
) {
  return executor
    .select({ ...exportedColumns, tagNames, companyName: contactCompanyName })
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        where,
        page.afterId === undefined ? undefined : sql`${contacts.id} > ${page.afterId}`,
      ),
    )
    .orderBy(asc(contacts.id))
    .limit(page.limit);
}
