import { sql } from "drizzle-orm";
import type { Executor } from "./client.ts";
import { enterTenant } from "./tenancy.ts";

/**
 * Erases everything a tenant owns, in the caller's (owner) transaction: every table with a
 * `tenant_id` column, found in the catalogue so a new module's data goes too. Rows whose foreign
 * keys cascade from the organisation go with it; the rest are deleted here.
 */
export async function eraseTenantRows(tx: Executor, tenantId: string): Promise<void> {
  await enterTenant(tx, tenantId);
  const tables = await tx.execute<{ name: string }>(sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'sbos\\_%'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by c.relname`);
  for (const { name } of tables.rows) {
    await tx.execute(sql`delete from ${sql.identifier(name)} where tenant_id = ${tenantId}`);
  }
}
