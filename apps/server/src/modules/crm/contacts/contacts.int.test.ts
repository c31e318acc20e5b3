import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { newId } from "../../../platform/ids.ts";
import {
  createTestTenant,
  silentLogger,
  startTestApp,
  type TestApp,
  type TestTenant,
} from "../../../test/harness.ts";
import { createSearchKeysJobs } from "./search-rebuild.ts";

let harness: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
});
afterAll(() => harness.close());

const create = (payload: object, headers = tenant.headers) =>
  harness.app.inject({ method: "POST", url: "/api/v1/contacts", headers, payload });
const search = async (q: string) =>
  (
    await harness.app.inject({ url: `/api/v1/contacts?q=${encodeURIComponent(q)}`, headers: tenant.headers })
  ).json().data as { name: string }[];

describe("contacts", () => {
  it("creates a contact with its phone normalised to E.164, keeping what was typed", async () => {
    const response = await create({
      name: "Amélie Poulain",
      email: "Amelie@Example.com",
      phone: "+33 6 12 34 56 78",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      id: expect.any(String),
      name: "Amélie Poulain",
      email: "amelie@example.com",
      phone: "+33612345678",
      phoneAsEntered: "+33 6 12 34 56 78",
    });
  });

  it("refuses an invalid phone, a wrong type and unknown fields, naming the field, creating nothing", async () => {
    const before = (await search("Nobody Valid")).length;
    const badPhone = await create({ name: "Nobody Valid", phone: "123" });
    expect(badPhone.statusCode).toBe(400);
    const wrongPhone = await create({ name: "Nobody Valid", phone: "+1 555 0100" });
    expect(wrongPhone.statusCode).toBe(400);
    expect(wrongPhone.json().errors).toEqual([
      { field: "body.phone", message: expect.stringMatching(/phone/) },
    ]);
    expect((await create({ name: 42 })).json().errors[0].field).toBe("body.name");
    expect((await create({ name: "X", colour: "red" })).json().errors[0].field).toBe("body.colour");
    expect((await search("Nobody Valid")).length).toBe(before);
  });

  it("searches by name, email and by phone in any format", async () => {
    await create({ name: "محمد علي", phone: "+971 50 123 4567" });
    await create({ name: "王小明", email: "xiaoming@example.cn", phone: "+86 138 0013 8000" });
    expect((await search("محمد")).map((contact) => contact.name)).toEqual(["محمد علي"]);
    expect((await search("xiaoming@")).map((contact) => contact.name)).toEqual(["王小明"]);
    expect((await search("0013 8000")).map((contact) => contact.name)).toEqual(["王小明"]);
    expect((await search("+971501234567")).map((contact) => contact.name)).toEqual(["محمد علي"]);
    expect(await search("50%_")).toEqual([]);
  });

  it("finds a name by its start or its second word; without spaces, by its second character", async () => {
    await create({ name: "杨伟明" });
    await create({ name: "Li Wei" });
    await create({ name: "Ali Haddad" });
    expect((await search("杨伟")).map((contact) => contact.name)).toEqual(["杨伟明"]);
    expect((await search("小明")).map((contact) => contact.name)).toEqual(["王小明"]);
    expect((await search("王")).map((contact) => contact.name)).toEqual(["王小明"]);
    expect((await search("li")).map((contact) => contact.name)).toEqual(["Li Wei"]);
    expect((await search("HAD")).map((contact) => contact.name)).toEqual(["Ali Haddad"]);
    expect((await search("  ali   haddad ")).map((contact) => contact.name)).toEqual(["Ali Haddad"]);
    expect(await search("haddad ali")).toEqual([]);
  });

  it("pages through a search's matches in the default order, each once", async () => {
    const created: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) created.push((await create({ name: `Pagewise Person ${n}` })).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `q=pagewise&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = (
        await harness.app.inject({ url: `/api/v1/contacts?${query}`, headers: tenant.headers })
      ).json();
      seen.push(...page.data.map((contact: { id: string }) => contact.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created.reverse());
    const filtered = await harness.app.inject({
      url: `/api/v1/contacts?q=pagewise&limit=2&filter=${encodeURIComponent(
        JSON.stringify({
          match: "all",
          conditions: [{ field: "name", operator: "contains", value: "Person 1" }],
        }),
      )}`,
      headers: tenant.headers,
    });
    expect(filtered.json().data.map((contact: { name: string }) => contact.name)).toEqual([
      "Pagewise Person 1",
    ]);
  });

  it("pages through a term matching more contacts than the index lookup collects", async () => {
    const other = await createTestTenant(harness.modules, "admin");
    await withTenant(harness.database.db, other.tenantId, (tx) =>
      tx.execute(sql`
        insert into contacts (tenant_id, id, name, search_name, search_name_rest, updated_at)
        select ${other.tenantId}, gen_random_uuid(), 'Jeanne Martin ' || n, 'jeanne martin ' || n,
          'martin ' || n, now() - n * interval '1 second'
        from generate_series(1, 2100) as n`),
    );
    await create({ name: "Paul Martin" }, other.headers);
    const page = (query: string) =>
      harness.app
        .inject({ url: `/api/v1/contacts?${query}`, headers: other.headers })
        .then((answer) => answer.json());
    const first = await page("q=martin&sort=updatedAt&order=desc&limit=3");
    expect(first.data.map((contact: { name: string }) => contact.name)).toEqual([
      "Paul Martin",
      "Jeanne Martin 1",
      "Jeanne Martin 2",
    ]);
    const second = await page(
      `q=martin&sort=updatedAt&order=desc&limit=3&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    expect(second.data.map((contact: { name: string }) => contact.name)).toEqual([
      "Jeanne Martin 3",
      "Jeanne Martin 4",
      "Jeanne Martin 5",
    ]);
    expect((await page("q=martin 2099")).data.map((contact: { name: string }) => contact.name)).toEqual([
      "Jeanne Martin 2099",
    ]);
    const count = await harness.app.inject({
      url: "/api/v1/contacts/count?q=martin",
      headers: other.headers,
    });
    expect(count.json()).toEqual({ count: 2101 });
  });

  it("updates, pages and deletes (deleting is for admins and owners)", async () => {
    const { id } = (await create({ name: "Paged One" })).json();
    const changed = await harness.app.inject({
      method: "PATCH",
      url: `/api/v1/contacts/${id}`,
      headers: tenant.headers,
      payload: { phone: "+44 20 7946 0958", email: null },
    });
    expect(changed.json()).toMatchObject({ phone: "+442079460958", email: null, name: "Paged One" });

    const first = (
      await harness.app.inject({ url: "/api/v1/contacts?limit=2", headers: tenant.headers })
    ).json();
    expect(first.data).toHaveLength(2);
    const second = (
      await harness.app.inject({
        url: `/api/v1/contacts?limit=2&cursor=${first.nextCursor}`,
        headers: tenant.headers,
      })
    ).json();
    expect(second.data.map((contact: { id: string }) => contact.id)).not.toContain(first.data[0].id);

    const { key } = await harness.modules.identity.issueApiKey(
      { tenantId: tenant.tenantId, role: "owner" },
      { name: "member", role: "member" },
    );
    const asMember = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/contacts/${id}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(asMember.statusCode).toBe(403);
    const deleted = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/contacts/${id}`,
      headers: tenant.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await harness.app.inject({ url: `/api/v1/contacts/${id}`, headers: tenant.headers })).statusCode,
    ).toBe(404);
  });

  it("searches only the caller's organisation", async () => {
    const other = await createTestTenant(harness.modules, "admin");
    await create({ name: "Searchable Secret Person", phone: "+49 151 23456789" }, other.headers);
    await create({ name: "Searchable Own Person" });
    expect((await search("searchable")).map((contact) => contact.name)).toEqual(["Searchable Own Person"]);
    expect(await search("15123456789")).toEqual([]);
  });

  it("finds by their company's name and email domain, and rebuilds keys written by an earlier release", async () => {
    const company = (
      await harness.app.inject({
        method: "POST",
        url: "/api/v1/companies",
        headers: tenant.headers,
        payload: { name: "Société Générale de Kébab" },
      })
    ).json();
    await create({
      name: "Renée Stale",
      email: "renee@kebab.example",
      phone: "+33 6 98 76 54 32",
      companyId: company.id,
    });
    expect((await search("SOCIÉTÉ g")).map((contact) => contact.name)).toEqual(["Renée Stale"]);
    expect((await search("kebab.ex")).map((contact) => contact.name)).toEqual(["Renée Stale"]);

    await withTenant(harness.database.db, tenant.tenantId, async (tx) => {
      await tx.execute(sql`update contacts set search_name = '', search_name_rest = null, email_domain = null,
        phone_reversed = null where name = 'Renée Stale'`);
      await tx.execute(sql`update companies set search_name = '' where id = ${company.id}`);
    });
    expect(await search("stale")).toEqual([]);
    const [rebuild] = createSearchKeysJobs({ db: harness.database.db });
    await rebuild?.handle(
      { tenantId: tenant.tenantId },
      { jobId: newId(), attempt: 1, signal: new AbortController().signal, logger: silentLogger },
    );
    for (const term of ["renée", "STALE", "kebab", "société", "5432"]) {
      expect((await search(term)).map((contact) => contact.name)).toEqual(["Renée Stale"]);
    }
  });
});
