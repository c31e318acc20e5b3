import { and, asc, count, desc, eq, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { companies, contacts } from "../tables.ts";

export type CompanyRow = typeof companies.$inferSelect;
export type CompanyChanges = Partial<
  Pick<CompanyRow, "name" | "searchName" | "domain" | "industry" | "size">
>;

/** Inserts unless the domain is taken in the organisation; answers undefined then. */
export async function insertCompany(executor: Executor, row: typeof companies.$inferInsert) {
  const [created] = await executor.insert(companies).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findCompany(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(companies)
    .where(and(eq(companies.tenantId, tenantId), eq(companies.id, id)));
  return row;
}

/** Whether another company of the organisation than `exceptId` has this domain. */
export async function isDomainTaken(executor: Executor, tenantId: string, domain: string, exceptId?: string) {
  const [row] = await executor
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(
        eq(companies.tenantId, tenantId),
        eq(companies.domain, domain),
        exceptId ? ne(companies.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** One page in name order (then id), optionally only names or domains containing `q`. */
export async function listCompanies(
  executor: Executor,
  tenantId: string,
  options: { q?: string; after?: { name: string; id: string }; limit: number },
) {
  const needle = options.q?.toLowerCase();
  return executor
    .select()
    .from(companies)
    .where(
      and(
        eq(companies.tenantId, tenantId),
        needle
          ? or(
              sql`strpos(lower(${companies.name}), ${needle}) > 0`,
              sql`strpos(coalesce(${companies.domain}, ''), ${needle}) > 0`,
            )
          : undefined,
        options.after
          ? sql`(${companies.name}, ${companies.id}) > (${options.after.name}, ${options.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(companies.name), asc(companies.id))
    .limit(options.limit);
}

export async function updateCompany(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: CompanyChanges,
) {
  const [row] = await executor
    .update(companies)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(companies.tenantId, tenantId), eq(companies.id, id)))
    .returning();
  return row;
}

export async function deleteCompany(executor: Executor, tenantId: string, id: string) {
  await executor.delete(companies).where(and(eq(companies.tenantId, tenantId), eq(companies.id, id)));
}

export async function countCompanyContacts(executor: Executor, tenantId: string, companyId: string) {
  const [row] = await executor
    .select({ count: count() })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.companyId, companyId)));
  return row?.count ?? 0;
}

/** A page of the company's contacts, newest id first, after `beforeId`. */
export async function listCompanyContacts(
  executor: Executor,
  tenantId: string,
  companyId: string,
  page: { beforeId?: string; limit: number },
) {
  return executor
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        eq(contacts.companyId, companyId),
        page.beforeId ? sql`${contacts.id} < ${page.beforeId}::uuid` : undefined,
      ),
    )
    .orderBy(desc(contacts.id))
    .limit(page.limit);
}

/** Detaches a company's contacts before it is deleted (the foreign key has no cascade). */
export async function unlinkCompanyContacts(executor: Executor, tenantId: string, companyId: string) {
  await executor
    .update(contacts)
    .set({ companyId: null })
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.companyId, companyId)));
}
