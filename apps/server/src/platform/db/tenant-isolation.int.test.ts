import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../test/harness.ts";
import { appRole, withTenant } from "./tenancy.ts";

let harness: TestApp;
let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  harness = await startTestApp();
  tenantA = await createTestTenant(harness.modules);
  tenantB = await createTestTenant(harness.modules);
});
afterAll(() => harness.close());

const permissionDenied = { cause: { message: expect.stringMatching(/permission denied/) } };

describe("row-level security", () => {
  it("forces RLS with the tenant policy on every table that has a tenant_id", async () => {
    const result = await harness.database.db.execute<{
      name: string;
      forced: boolean;
      policies: string | number;
    }>(sql`
      select c.relname as name, c.relforcerowsecurity as forced,
        (select count(*) from pg_policies p where p.tablename = c.relname and p.policyname = 'tenant_isolation') as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'sbos\\_%'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')`);
    expect(result.rows.length).toBeGreaterThanOrEqual(3);
    for (const table of result.rows) {
      expect({ table: table.name, forced: table.forced, policies: Number(table.policies) }).toEqual({
        table: table.name,
        forced: true,
        policies: 1,
      });
    }
  });

  it("puts tenant_id first in the primary key of every tenant table", async () => {
    const result = await harness.database.db.execute<{ name: string; first_column: string }>(sql`
      select c.relname as name, a.attname as first_column
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'p' and n.nspname = 'public' and c.relname not like 'sbos\\_%'
        and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id')`);
    for (const row of result.rows) expect(row).toEqual({ name: row.name, first_column: "tenant_id" });
  });

  it("shows a tenant only its own rows, even when the query forgets to filter", async () => {
    const visible = await withTenant(harness.database.db, tenantA.tenantId, (tx) =>
      tx.execute<{ tenant_id: string }>(sql`select distinct tenant_id from api_keys`),
    );
    expect(visible.rows).toEqual([{ tenant_id: tenantA.tenantId }]);
    const organizations = await withTenant(harness.database.db, tenantA.tenantId, (tx) =>
      tx.execute<{ id: string }>(sql`select id from organizations`),
    );
    expect(organizations.rows).toEqual([{ id: tenantA.tenantId }]);
  });

  it("returns no rows when no tenant is set", async () => {
    const rows = await harness.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${appRole}, true)`);
      return (await tx.execute(sql`select id from api_keys`)).rows;
    });
    expect(rows).toEqual([]);
  });

  it("refuses to write a row into another tenant", async () => {
    await expect(
      withTenant(harness.database.db, tenantA.tenantId, (tx) =>
        tx.execute(sql`insert into api_keys (tenant_id, id, name, visible_prefix, secret_hash, role)
          values (${tenantB.tenantId}, gen_random_uuid(), 'smuggled', 'x', 'x', 'admin')`),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(harness.database.db, tenantA.tenantId, (tx) =>
        tx.execute(sql`update api_keys set tenant_id = ${tenantB.tenantId}`),
      ),
    ).rejects.toThrow();
  });

  it("keeps the audit log append-only for the application", async () => {
    await expect(
      withTenant(harness.database.db, tenantA.tenantId, (tx) => tx.execute(sql`delete from audit_events`)),
    ).rejects.toMatchObject(permissionDenied);
    await expect(
      withTenant(harness.database.db, tenantA.tenantId, (tx) =>
        tx.execute(sql`update audit_events set action = 'x'`),
      ),
    ).rejects.toMatchObject(permissionDenied);
  });

  it("leaves no tenant or role behind on a pooled connection", async () => {
    await withTenant(harness.database.db, tenantA.tenantId, (tx) => tx.execute(sql`select 1`));
    const after = await harness.database.db.execute<{ tenant: string | null; role: string }>(
      sql`select nullif(current_setting('app.tenant_id', true), '') as tenant, current_user as role`,
    );
    expect(after.rows[0]?.tenant).toBeNull();
    expect(after.rows[0]?.role).not.toBe(appRole);
  });

  it("commits without waiting for the WAL flush only when asked, and only for that transaction", async () => {
    const mode = (options?: { asyncCommit: boolean }) =>
      withTenant(
        harness.database.db,
        tenantA.tenantId,
        async (tx) =>
          (await tx.execute<{ mode: string }>(sql`select current_setting('synchronous_commit') as mode`))
            .rows[0]?.mode,
        options,
      );
    expect(await mode({ asyncCommit: true })).toBe("off");
    expect(await mode()).toBe("on");
  });
});
