import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../platform/db/tenancy.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../test/harness.ts";

let harness: TestApp;
let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
  other = await createTestTenant(harness.modules, "admin");
});
afterAll(() => harness.close());

const countKeys = async (tenantId: string) =>
  withTenant(harness.database.db, tenantId, async (tx) => {
    const result = await tx.execute<{ count: string }>(sql`select count(*)::text as count from api_keys`);
    return Number(result.rows[0]?.count);
  });

describe("GET /api/v1/me", () => {
  it("answers who is calling with an API key", async () => {
    const response = await harness.app.inject({ url: "/api/v1/me", headers: tenant.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      caller: { type: "api_key" },
      organization: { id: tenant.tenantId, slug: tenant.slug },
      role: "admin",
    });
    expect(response.headers["x-request-id"]).toBeTruthy();
  });

  it("answers 401 problem+json without credentials or with a forged key", async () => {
    const missing = await harness.app.inject({ url: "/api/v1/me" });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json()).toMatchObject({ status: 401, title: "Authentication required" });

    const forged = `${tenant.apiKey.slice(0, -4)}AAAA`;
    const wrong = await harness.app.inject({
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(wrong.statusCode).toBe(401);
  });
});

describe("API keys", () => {
  it("creates a key that works at once, shown once, with an audit entry", async () => {
    const created = await harness.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: tenant.headers,
      payload: { name: "Zapier", role: "member" },
    });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(key).toMatchObject({ name: "Zapier", role: "member", revokedAt: null });
    expect(key.key).toMatch(/^sbos_/);

    const me = await harness.app.inject({
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${key.key}` },
    });
    expect(me.json()).toMatchObject({ role: "member", caller: { id: key.id } });

    const listed = await harness.app.inject({ url: "/api/v1/api-keys", headers: tenant.headers });
    const entry = listed.json().data.find((item: { id: string }) => item.id === key.id);
    expect(entry).toBeDefined();
    expect(entry.key).toBeUndefined();
    expect(entry.lastUsedAt).not.toBeNull();

    const audit = await withTenant(harness.database.db, tenant.tenantId, (tx) =>
      tx.execute<{ action: string; actor_type: string }>(
        sql`select action, actor_type from audit_events where target_id = ${key.id}`,
      ),
    );
    expect(audit.rows).toEqual([{ action: "api_key.create", actor_type: "api_key" }]);
  });

  it("rejects bad input with the field named and creates nothing", async () => {
    const before = await countKeys(tenant.tenantId);
    const cases = [
      { payload: { name: "x", role: "member", extra: 1 }, field: "body.extra", status: 400 },
      { payload: { name: 42 }, field: "body.name", status: 400 },
      { payload: { name: "x", role: "emperor" }, field: "body.role", status: 400 },
    ];
    for (const { payload, field, status } of cases) {
      const response = await harness.app.inject({
        method: "POST",
        url: "/api/v1/api-keys",
        headers: tenant.headers,
        payload,
      });
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const malformed = await harness.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { ...tenant.headers, "content-type": "application/json" },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().detail).toMatch(/not valid JSON/);

    const oversized = await harness.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: tenant.headers,
      payload: { name: "x".repeat(2 * 1024 * 1024) },
    });
    expect(oversized.statusCode).toBe(413);
    expect(await countKeys(tenant.tenantId)).toBe(before);
  });

  it("lets no one create a key above their own role, and members none at all", async () => {
    const member = await harness.modules.identity.issueApiKey(
      { tenantId: tenant.tenantId, role: "owner" },
      { name: "member", role: "member" },
    );
    const asMember = await harness.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { authorization: `Bearer ${member.key}` },
      payload: { name: "escalate", role: "member" },
    });
    expect(asMember.statusCode).toBe(403);
    const ownerByAdmin = await harness.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: tenant.headers,
      payload: { name: "escalate", role: "owner" },
    });
    expect(ownerByAdmin.statusCode).toBe(403);
  });

  it("revokes a key: it stops working at once", async () => {
    const { id, key } = (
      await harness.app.inject({
        method: "POST",
        url: "/api/v1/api-keys",
        headers: tenant.headers,
        payload: { name: "short-lived" },
      })
    ).json();
    const headers = { authorization: `Bearer ${key}` };
    expect((await harness.app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(200);

    const revoked = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/api-keys/${id}`,
      headers: tenant.headers,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/me", headers })).statusCode)
      .toBe(401);
  });

  it("answers 404 for another organisation's key and leaves it alone", async () => {
    const { id } = (
      await harness.app.inject({
        method: "POST",
        url: "/api/v1/api-keys",
        headers: tenant.headers,
        payload: { name: "mine" },
      })
    ).json();
    const attempt = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/api-keys/${id}`,
      headers: other.headers,
    });
    expect(attempt.statusCode).toBe(404);
    const list = await harness.app.inject({ url: "/api/v1/api-keys?limit=200", headers: other.headers });
    expect(list.json().data.map((item: { id: string }) => item.id)).not.toContain(id);
    const mine = await harness.app.inject({ url: "/api/v1/api-keys?limit=200", headers: tenant.headers });
    expect(mine.json().data.find((item: { id: string }) => item.id === id).revokedAt).toBeNull();
  });

  it("pages with a keyset cursor", async () => {
    const fresh = await createTestTenant(harness.modules, "admin");
    for (const name of ["a", "b", "c"]) {
      await harness.app.inject({
        method: "POST",
        url: "/api/v1/api-keys",
        headers: fresh.headers,
        payload: { name },
      });
    }
    const first = (
      await harness.app.inject({ url: "/api/v1/api-keys?limit=2", headers: fresh.headers })
    ).json();
    expect(first.data.map((key: { name: string }) => key.name)).toEqual(["c", "b"]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await harness.app.inject({
        url: `/api/v1/api-keys?limit=2&cursor=${first.nextCursor}`,
        headers: fresh.headers,
      })
    ).json();
    expect(second.data.map((key: { name: string }) => key.name)).toEqual(["a", "admin key"]);
    expect(second.nextCursor).toBeNull();
    const bad = await harness.app.inject({ url: "/api/v1/api-keys?cursor=%%%", headers: fresh.headers });
    expect(bad.statusCode).toBe(400);
  });
});
