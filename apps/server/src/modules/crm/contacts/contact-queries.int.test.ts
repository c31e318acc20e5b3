import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";

let harness: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
});
afterAll(() => harness.close());

const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
  harness.app.inject({ method, url, headers: tenant.headers, ...(payload ? { payload } : {}) });
const list = async (params: Record<string, string>) => {
  const response = await call("GET", `/api/v1/contacts?${new URLSearchParams(params)}`);
  return response;
};
const names = async (params: Record<string, string>) =>
  ((await list(params)).json().data as { name: string }[]).map((contact) => contact.name);
const filter = (conditions: object[], match = "all") => JSON.stringify({ match, conditions });

describe("contact fields, filters and sorting", () => {
  beforeAll(async () => {
    for (const field of [
      { key: "score", label: "Score", type: "number" },
      { key: "plan", label: "Plan", type: "select", options: ["free", "pro"] },
      { key: "interests", label: "Interests", type: "multi_select", options: ["shoes", "bags", "hats"] },
      { key: "renewal", label: "Renewal", type: "date" },
      { key: "vip", label: "VIP", type: "boolean" },
    ]) {
      expect((await call("POST", "/api/v1/contact-fields", field)).statusCode).toBe(201);
    }
    const people = [
      {
        name: "Zoë Alpha",
        lifecycleStage: "customer",
        customFields: {
          score: 90,
          plan: "pro",
          vip: true,
          interests: ["shoes", "bags"],
          renewal: "2027-01-15",
        },
      },
      {
        name: "Yann Beta",
        lifecycleStage: "lead",
        customFields: { score: 40, plan: "free", interests: ["hats"] },
      },
      {
        name: "Xu Gamma",
        lifecycleStage: "customer",
        customFields: { score: 70, plan: "free", renewal: "2026-06-01" },
      },
      { name: "Walid Delta", lifecycleStage: "churned", source: "fair" },
      { name: "Vera Epsilon", lifecycleStage: "lead", customFields: { score: 40 } },
    ];
    for (const person of people)
      expect((await call("POST", "/api/v1/contacts", person)).statusCode).toBe(201);
  });

  it("refuses custom values of the wrong type or for unknown fields, naming each, creating nothing", async () => {
    const response = await call("POST", "/api/v1/contacts", {
      name: "Wrong Types",
      customFields: { score: "high", plan: "gold", interests: ["cars"], renewal: "31/12/2026", nope: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual([
      "body.customFields.interests",
      "body.customFields.nope",
      "body.customFields.plan",
      "body.customFields.renewal",
      "body.customFields.score",
    ]);
    expect(await names({ q: "Wrong Types" })).toEqual([]);
  });

  it("filters on built-in and custom fields with AND, OR and nested groups", async () => {
    expect(
      await names({
        filter: filter([
          { field: "lifecycleStage", operator: "eq", value: "customer" },
          { field: "custom.score", operator: "gte", value: 80 },
        ]),
      }),
    ).toEqual(["Zoë Alpha"]);
    expect(
      (
        await names({
          filter: filter(
            [
              { field: "custom.plan", operator: "eq", value: "pro" },
              { field: "source", operator: "eq", value: "FAIR" },
            ],
            "any",
          ),
        })
      ).sort(),
    ).toEqual(["Walid Delta", "Zoë Alpha"]);
    expect(
      (
        await names({
          filter: filter([
            { field: "lifecycleStage", operator: "in", value: ["lead", "customer"] },
            {
              match: "any",
              conditions: [
                { field: "custom.interests", operator: "has_any", value: ["hats"] },
                { field: "custom.renewal", operator: "lt", value: "2026-12-31" },
              ],
            },
          ]),
        })
      ).sort(),
    ).toEqual(["Xu Gamma", "Yann Beta"]);
    expect(await names({ filter: filter([{ field: "custom.vip", operator: "eq", value: true }]) })).toEqual([
      "Zoë Alpha",
    ]);
    expect(
      (await names({ filter: filter([{ field: "custom.score", operator: "is_empty" }]) })).sort(),
    ).toEqual(["Walid Delta"]);
    const counted = await call(
      "GET",
      `/api/v1/contacts/count?${new URLSearchParams({ filter: filter([{ field: "custom.plan", operator: "eq", value: "free" }]) })}`,
    );
    expect(counted.json()).toEqual({ count: 2 });
  });

  it("answers 400 naming the condition for an unknown field, a wrong operator or value, or bad JSON", async () => {
    const unknown = await list({ filter: filter([{ field: "shoeSize", operator: "eq", value: "42" }]) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { field: "querystring.filter.conditions.0.field", message: 'unknown field "shoeSize"' },
    ]);
    const operator = await list({
      filter: filter([{ field: "custom.vip", operator: "contains", value: "x" }]),
    });
    expect(operator.json().errors[0].field).toBe("querystring.filter.conditions.0.operator");
    const value = await list({
      filter: filter([
        { match: "all", conditions: [{ field: "lifecycleStage", operator: "eq", value: "vip" }] },
      ]),
    });
    expect(value.json().errors[0].field).toBe("querystring.filter.conditions.0.conditions.0.value");
    expect((await list({ filter: "{not json" })).json().errors[0].field).toBe("querystring.filter");
    expect((await list({ sort: "shoeSize" })).statusCode).toBe(400);
  });

  it("sorts on any column and pages through every row exactly once with keyset cursors", async () => {
    expect(await names({ sort: "name", order: "asc" })).toEqual([
      "Vera Epsilon",
      "Walid Delta",
      "Xu Gamma",
      "Yann Beta",
      "Zoë Alpha",
    ]);
    expect(await names({ sort: "name", order: "desc", q: "e" })).toEqual(["Vera Epsilon"]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const params: Record<string, string> = { sort: "custom.score", order: "desc", limit: "2" };
      if (cursor) params.cursor = cursor;
      const page = (await list(params)).json();
      seen.push(...page.data.map((contact: { name: string }) => contact.name));
      cursor = page.nextCursor;
    } while (cursor);
    // Descending puts contacts without a score first (PostgreSQL's order), then ties by id.
    expect(seen).toEqual(["Walid Delta", "Zoë Alpha", "Xu Gamma", "Vera Epsilon", "Yann Beta"]);
  });
});

describe("phones, upsert, duplicates and merge", () => {
  it("understands national numbers with the organisation's default country, and finds them however typed", async () => {
    expect(
      (await call("POST", "/api/v1/contacts", { name: "Sans Pays", phone: "06 12 34 56 78" })).statusCode,
    ).toBe(400);
    expect((await call("PATCH", "/api/v1/crm/settings", { defaultCountry: "FR" })).json()).toEqual({
      defaultCountry: "FR",
    });
    const created = await call("POST", "/api/v1/contacts", {
      name: "Élodie Martin",
      phone: "06 12 34 56 70",
    });
    expect(created.json()).toMatchObject({ phone: "+33612345670", phoneAsEntered: "06 12 34 56 70" });
    expect(await names({ q: "06 12 34 56 70" })).toEqual(["Élodie Martin"]);
    expect(await names({ q: "+33 6 12 34 56 70" })).toEqual(["Élodie Martin"]);
    expect((await call("PATCH", "/api/v1/crm/settings", { defaultCountry: "XX" })).statusCode).toBe(400);
  });

  it("upserts by phone then email, keeping the existing primary and adding new ones as further", async () => {
    const first = await call("POST", "/api/v1/contacts/upsert", {
      name: "Kofi Mensah",
      phone: "+233 24 123 4567",
      email: "kofi@example.com",
    });
    expect(first.statusCode).toBe(201);
    const samePhone = await call("POST", "/api/v1/contacts/upsert", {
      name: "Kofi M.",
      phone: "+233241234567",
      email: "kofi.work@example.com",
      source: "whatsapp",
    });
    expect(samePhone.statusCode).toBe(200);
    expect(samePhone.json()).toMatchObject({
      id: first.json().id,
      email: "kofi@example.com",
      emails: ["kofi.work@example.com"],
      phones: [],
      source: "whatsapp",
    });
    const sameEmail = await call("POST", "/api/v1/contacts/upsert", {
      name: "Kofi",
      email: "kofi.work@example.com",
      phone: "+233 20 765 4321",
    });
    expect(sameEmail.json()).toMatchObject({ id: first.json().id, phones: ["+233207654321"] });
    expect(await names({ q: "+233 24 123" })).toEqual(["Kofi"]);
    expect(await names({ q: "1234567" })).toEqual(["Kofi"]);
  });

  it("finds duplicates and merges them, moving tags-free fields and deleting the duplicate", async () => {
    const survivor = (
      await call("POST", "/api/v1/contacts", { name: "Ana Souza", email: "ana@example.br" })
    ).json();
    const duplicate = (
      await call("POST", "/api/v1/contacts", {
        name: "Ana Souza",
        phone: "+55 11 91234 5678",
        emails: ["ana@example.br"],
        source: "import",
        customFields: { score: 12 },
      })
    ).json();
    const duplicates = (await call("GET", `/api/v1/contacts/${survivor.id}/duplicates`)).json().data;
    expect(duplicates).toEqual([
      { contact: expect.objectContaining({ id: duplicate.id }), reasons: ["same_email", "similar_name"] },
    ]);
    const merged = await call("POST", `/api/v1/contacts/${survivor.id}/merge`, {
      contactIds: [duplicate.id],
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      id: survivor.id,
      email: "ana@example.br",
      emails: [],
      phone: "+5511912345678",
      source: "import",
      customFields: { score: 12 },
    });
    expect((await call("GET", `/api/v1/contacts/${duplicate.id}`)).statusCode).toBe(404);
    expect(
      (await call("POST", `/api/v1/contacts/${survivor.id}/merge`, { contactIds: [survivor.id] })).statusCode,
    ).toBe(400);
  });
});
