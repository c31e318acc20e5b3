import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../test/harness.ts";

let harness: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
  for (const name of ["first", "second, with a comma", "=cmd()"]) {
    await harness.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: tenant.headers,
      payload: { name },
    });
  }
});
afterAll(() => harness.close());

describe("audit log", () => {
  it("lists who changed what, newest first, filtered and paged", async () => {
    const all = await harness.app.inject({ url: "/api/v1/audit-events?limit=200", headers: tenant.headers });
    expect(all.statusCode).toBe(200);
    const creations = all
      .json()
      .data.filter((event: { action: string }) => event.action === "api_key.create");
    expect(creations.map((event: { changes: { name: { to: string } } }) => event.changes.name.to)).toEqual([
      "=cmd()",
      "second, with a comma",
      "first",
      "admin key",
    ]);
    expect(creations[0]).toMatchObject({ actorType: "api_key", targetType: "api_key" });

    const page = await harness.app.inject({
      url: "/api/v1/audit-events?action=api_key.create&limit=2",
      headers: tenant.headers,
    });
    expect(page.json().data).toHaveLength(2);
    const next = await harness.app.inject({
      url: `/api/v1/audit-events?action=api_key.create&limit=2&cursor=${page.json().nextCursor}`,
      headers: tenant.headers,
    });
    expect(
      next.json().data.map((event: { changes: { name: { to: string } } }) => event.changes.name.to),
    ).toEqual(["first", "admin key"]);
    const future = await harness.app.inject({
      url: "/api/v1/audit-events?from=2999-01-01T00:00:00Z",
      headers: tenant.headers,
    });
    expect(future.json().data).toEqual([]);
    const badFilter = await harness.app.inject({
      url: "/api/v1/audit-events?colour=red",
      headers: tenant.headers,
    });
    expect(badFilter.statusCode).toBe(400);
  });

  it("exports the filtered log as CSV that a spreadsheet cannot execute", async () => {
    const response = await harness.app.inject({
      url: "/api/v1/audit-events/export?action=api_key.create",
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const lines = response.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("createdAt,actorType,actorId,action,targetType,targetId,ip,userAgent,changes");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`"{""name"":{""to"":""=cmd()""}`);
    expect(response.body).toContain("second, with a comma");
  });

  it("is for owners and admins only", async () => {
    const { key } = await harness.modules.identity.issueApiKey(
      { tenantId: tenant.tenantId, role: "owner" },
      { name: "member", role: "member" },
    );
    const headers = { authorization: `Bearer ${key}` };
    expect((await harness.app.inject({ url: "/api/v1/audit-events", headers })).statusCode).toBe(403);
    expect((await harness.app.inject({ url: "/api/v1/audit-events/export", headers })).statusCode).toBe(403);
  });
});
