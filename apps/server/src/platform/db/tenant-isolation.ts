import { sql } from "drizzle-orm";
import type { Executor } from "./client.ts";
import { appRole } from "./tenancy.ts";

/** The application role exists before any migration runs, so migrations may grant to it. */
export async function ensureAppRole(executor: Executor): Promise<void> {
  await executor.execute(
    sql.raw(`do $$ begin
      create role ${appRole} nologin;
    exception when duplicate_object or unique_violation then null;
    end $$`),
  );
  await executor.execute(sql.raw(`grant ${appRole} to current_user`));
  await executor.execute(sql.raw(`grant usage on schema public to ${appRole}`));
}

/** Tables the application may insert into and read, but never change or delete from. */
const appendOnlyTables = new Set(["audit_events"]);
/**
 * Platform tables a tenant transaction also changes: a number's route is claimed and released with
 * its channel, and a webhook delivery is deleted by the transaction that applies it.
 */
const appManagedPlatformTables = new Set(["sbos_whatsapp_routes", "sbos_whatsapp_inbound"]);
/** The tenant registry: RLS for the app role only, so operators and sign-in can look tenants up. */
const tenantRegistry = "organizations";
const currentTenant = "nullif(current_setting('app.tenant_id', true), '')::uuid";

/**
 * Brings row-level security and grants up to date after migrations: every table with a
 * `tenant_id` column gets FORCE ROW LEVEL SECURITY and the tenant policy, so a module's new
 * table is isolated without anyone remembering to. Tables named `sbos_*` are platform tables
 * (the job queue, webhook routing and deliveries) read across tenants.
 */
export async function applyTenantIsolation(executor: Executor): Promise<void> {
  const tables = await executor.execute<{ name: string; has_policy: boolean }>(sql`
    select c.relname as name,
      exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname
        and p.policyname = 'tenant_isolation') as has_policy
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by c.relname`);

  for (const { name, has_policy } of tables.rows) {
    const table = `"${name}"`;
    if (name.startsWith("sbos_")) {
      const privileges = appManagedPlatformTables.has(name)
        ? "select, insert, update, delete"
        : "select, insert";
      await executor.execute(sql.raw(`grant ${privileges} on ${table} to ${appRole}`));
      continue;
    }
    const privileges = appendOnlyTables.has(name) ? "select, insert" : "select, insert, update, delete";
    await executor.execute(sql.raw(`revoke all on ${table} from ${appRole}`));
    await executor.execute(sql.raw(`grant ${privileges} on ${table} to ${appRole}`));
    await executor.execute(sql.raw(`alter table ${table} enable row level security`));
    await executor.execute(sql.raw(`alter table ${table} force row level security`));
    if (!has_policy) {
      await executor.execute(
        sql.raw(`create policy tenant_isolation on ${table}
          using (tenant_id = ${currentTenant}) with check (tenant_id = ${currentTenant})`),
      );
    }
  }

  await executor.execute(sql.raw(`grant select, update on "${tenantRegistry}" to ${appRole}`));
  await executor.execute(sql.raw(`alter table "${tenantRegistry}" enable row level security`));
  await executor.execute(sql.raw(`drop policy if exists tenant_isolation on "${tenantRegistry}"`));
  await executor.execute(
    sql.raw(`create policy tenant_isolation on "${tenantRegistry}" to ${appRole}
      using (id = ${currentTenant}) with check (id = ${currentTenant})`),
  );
}
