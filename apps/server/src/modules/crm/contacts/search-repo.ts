import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { companies, contacts } from "../tables.ts";
import type { ContactSearchKeys } from "./search-keys.ts";

type Page = { afterId?: string; limit: number };

/** What contacts' search keys are made of, in batches by id. */
export async function listContactNames(executor: Executor, tenantId: string, page: Page) {
  return executor
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone })
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        page.afterId ? sql`${contacts.id} > ${page.afterId}::uuid` : undefined,
      ),
    )
    .orderBy(asc(contacts.id))
    .limit(page.limit);
}

export async function listCompanyNames(executor: Executor, tenantId: string, page: Page) {
  return executor
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(
      and(
        eq(companies.tenantId, tenantId),
        page.afterId ? sql`${companies.id} > ${page.afterId}::uuid` : undefined,
      ),
    )
    .orderBy(asc(companies.id))
    .limit(page.limit);
}

/** Sets many contacts' search keys in one statement. */
export async function setContactSearchKeys(
  executor: Executor,
  tenantId: string,
  rows: ({ id: string } & ContactSearchKeys)[],
) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${row.id}::uuid, ${row.searchName}::text, ${row.searchNameRest}::text, ${row.emailDomain}::text, ${row.phoneReversed}::text)`,
    ),
    sql`, `,
  );
  await executor.execute(sql`
    update ${contacts} set search_name = batch.search_name, search_name_rest = batch.search_name_rest,
      email_domain = batch.email_domain, phone_reversed = batch.phone_reversed
    from (values ${values}) as batch (id, search_name, search_name_rest, email_domain, phone_reversed)
    where ${contacts.tenantId} = ${tenantId} and ${contacts.id} = batch.id`);
}

export async function setCompanySearchNames(
  executor: Executor,
  tenantId: string,
  rows: { id: string; searchName: string }[],
) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::uuid, ${row.searchName}::text)`),
    sql`, `,
  );
  await executor.execute(sql`
    update ${companies} set search_name = batch.search_name
    from (values ${values}) as batch (id, search_name)
    where ${companies.tenantId} = ${tenantId} and ${companies.id} = batch.id`);
}
