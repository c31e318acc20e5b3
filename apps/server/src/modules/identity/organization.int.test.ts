import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../platform/ids.ts";
import { createWorker } from "../../platform/queue/worker.ts";
import { silentLogger, startTestApp, type TestApp } from "../../test/harness.ts";
import { sessionCookie } from "./session-auth.ts";

let harness: TestApp;
beforeAll(async () => {
  harness = await startTestApp();
});
afterAll(() => harness.close());

async function ownerOfNewOrganization() {
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    payload: {
      email: `org-${newId()}@example.com`,
      password: "a long enough phrase",
      name: "Owner",
      organizationName: "Doomed",
    },
  });
  const cookie = response.cookies.find((entry) => entry.name === sessionCookie);
  const cookies = { [sessionCookie]: cookie?.value ?? "" };
  const key = await harness.app.inject({
    method: "POST",
    url: "/api/v1/api-keys",
    cookies,
    payload: { name: "k", role: "admin" },
  });
  return {
    cookies,
    organization: response.json().organization as { id: string; slug: string },
    adminKey: { authorization: `Bearer ${key.json().key}` },
  };
}

const countRows = async (table: string, tenantId: string) => {
  const result = await harness.database.db.execute<{ count: string }>(
    sql`select count(*)::text as count from ${sql.identifier(table)} where ${sql.identifier(table === "organizations" ? "id" : "tenant_id")} = ${tenantId}`,
  );
  return Number(result.rows[0]?.count);
};

describe("organisation settings", () => {
  it("renames the organisation for owners and admins", async () => {
    const { adminKey, organization } = await ownerOfNewOrganization();
    const renamed = await harness.app.inject({
      method: "PATCH",
      url: "/api/v1/organization",
      headers: adminKey,
      payload: { name: "Renamed Ltd" },
    });
    expect(renamed.json()).toEqual({
      id: organization.id,
      slug: organization.slug,
      name: "Renamed Ltd",
      requireTwoFactor: false,
    });
    expect(
      (await harness.app.inject({ url: "/api/v1/me", headers: adminKey })).json().organization.name,
    ).toBe("Renamed Ltd");
  });

  it("deletes only for an owner who types the slug; access ends at once and a job erases the data", async () => {
    const { cookies, adminKey, organization } = await ownerOfNewOrganization();
    const byAdmin = await harness.app.inject({
      method: "DELETE",
      url: "/api/v1/organization",
      headers: adminKey,
      payload: { confirm: organization.slug },
    });
    expect(byAdmin.statusCode).toBe(403);
    const wrongSlug = await harness.app.inject({
      method: "DELETE",
      url: "/api/v1/organization",
      cookies,
      payload: { confirm: "something-else" },
    });
    expect(wrongSlug.statusCode).toBe(400);
    expect((await harness.app.inject({ url: "/api/v1/me", cookies })).statusCode).toBe(200);

    const deleted = await harness.app.inject({
      method: "DELETE",
      url: "/api/v1/organization",
      cookies,
      payload: { confirm: organization.slug },
    });
    expect(deleted.statusCode).toBe(204);
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/me", cookies })).statusCode)
      .toBe(401);
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/me", headers: adminKey })).statusCode)
      .toBe(401);
    expect(await countRows("api_keys", organization.id)).toBeGreaterThan(0);

    const worker = createWorker({
      database: harness.database,
      logger: silentLogger,
      concurrency: 2,
      registrations: harness.modules.modules.flatMap((module) => module.jobs ?? []),
    });
    await worker.start();
    try {
      await expect.poll(() => countRows("organizations", organization.id), { timeout: 10_000 }).toBe(0);
    } finally {
      await worker.stop(1_000);
    }
    for (const table of ["api_keys", "memberships", "audit_events", "idempotency_keys", "invitations"]) {
      expect({ table, rows: await countRows(table, organization.id) }).toEqual({ table, rows: 0 });
    }
  });
});
