import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";

let harness: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "member");
});
afterAll(() => harness.close());

const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
  harness.app.inject({ method, url, headers: tenant.headers, ...(payload ? { payload } : {}) });
const startsWith = (value: string) => ({
  match: "all",
  conditions: [{ field: "name", operator: "starts_with", value }],
});
const membersOf = async (segmentId: string) =>
  (await call("GET", `/api/v1/contacts?segmentId=${segmentId}&sort=name&order=asc`))
    .json()
    .data.map((contact: { name: string }) => contact.name);

describe("segments", () => {
  it("refuses a filter on an unknown field, naming the condition, and saves nothing", async () => {
    const unknown = await call("POST", "/api/v1/segments", {
      name: "Broken",
      filter: {
        match: "all",
        conditions: [
          { field: "name", operator: "is_not_empty" },
          { field: "shoeSize", operator: "eq", value: "42" },
        ],
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { field: "body.filter.conditions.1.field", message: expect.stringMatching(/shoeSize/) },
    ]);
    const nested = await call("POST", "/api/v1/segments", {
      name: "Broken",
      filter: {
        match: "any",
        conditions: [{ match: "all", conditions: [{ field: "custom.nope", operator: "is_empty" }] }],
      },
    });
    expect(nested.json().errors[0].field).toBe("body.filter.conditions.0.conditions.0.field");
    const badShape = await call("POST", "/api/v1/segments", {
      name: "Broken",
      filter: { match: "most", conditions: [] },
    });
    expect(badShape.json().errors[0].field).toBe("body.filter.match");
    expect((await call("GET", "/api/v1/segments")).json().data).toEqual([]);
  });

  it("is live: a contact entering the filter after the segment was saved is in it, and counted", async () => {
    await call("POST", "/api/v1/contacts", { name: "Seg Alpha" });
    await call("POST", "/api/v1/contacts", { name: "Other Person" });
    const created = await call("POST", "/api/v1/segments", {
      name: "Seg people",
      filter: startsWith("Seg "),
    });
    expect(created.statusCode).toBe(201);
    const segment = created.json();
    expect(segment).toMatchObject({ name: "Seg people", filter: startsWith("Seg ") });
    expect((await call("GET", `/api/v1/segments/${segment.id}`)).json()).toMatchObject({ count: 1 });

    await call("POST", "/api/v1/contacts", { name: "Seg Beta" });
    const renamed = (await call("POST", "/api/v1/contacts", { name: "Later Person" })).json();
    await call("PATCH", `/api/v1/contacts/${renamed.id}`, { name: "Seg Gamma" });
    expect(await membersOf(segment.id)).toEqual(["Seg Alpha", "Seg Beta", "Seg Gamma"]);
    expect((await call("GET", `/api/v1/segments/${segment.id}`)).json().count).toBe(3);
    expect((await call("GET", `/api/v1/contacts/count?segmentId=${segment.id}`)).json().count).toBe(3);

    const changed = await call("PATCH", `/api/v1/segments/${segment.id}`, { filter: startsWith("Other") });
    expect(changed.json().filter).toEqual(startsWith("Other"));
    expect(await membersOf(segment.id)).toEqual(["Other Person"]);
  });

  it("keeps names unique ignoring case, lists by name, and deletes", async () => {
    const first = (
      await call("POST", "/api/v1/segments", { name: "Zeta list", filter: startsWith("Z") })
    ).json();
    const twin = await call("POST", "/api/v1/segments", { name: "ZETA LIST", filter: startsWith("Z") });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().errors[0].field).toBe("body.name");
    const second = (
      await call("POST", "/api/v1/segments", { name: "Alpha list", filter: startsWith("A") })
    ).json();
    const renamed = await call("PATCH", `/api/v1/segments/${second.id}`, { name: "zeta List" });
    expect(renamed.statusCode).toBe(409);
    const badFilter = await call("PATCH", `/api/v1/segments/${second.id}`, {
      filter: { match: "all", conditions: [{ field: "tags", operator: "has_any", value: ["not-an-id"] }] },
    });
    expect(badFilter.json().errors[0].field).toBe("body.filter.conditions.0.value");

    const names = (await call("GET", "/api/v1/segments"))
      .json()
      .data.map((segment: { name: string }) => segment.name);
    expect(names.indexOf("Alpha list")).toBeLessThan(names.indexOf("Zeta list"));

    expect((await call("DELETE", `/api/v1/segments/${first.id}`)).statusCode).toBe(204);
    expect((await call("GET", `/api/v1/segments/${first.id}`)).statusCode).toBe(404);
    expect((await call("GET", `/api/v1/contacts?segmentId=${first.id}`)).statusCode).toBe(404);
  });
});
