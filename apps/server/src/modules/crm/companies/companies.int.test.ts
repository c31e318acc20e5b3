import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { newId } from "../../../platform/ids.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";
import { insertContacts } from "../contacts/repo.ts";
import { contactSearchKeys } from "../contacts/search-keys.ts";

let harness: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
});
afterAll(() => harness.close());

const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
  headers = tenant.headers,
) => harness.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const searchCount = async (q: string) =>
  (await call("GET", `/api/v1/contacts/count?q=${encodeURIComponent(q)}`)).json().count as number;

describe("companies", () => {
  it("creates a company with its domain lower-cased, and refuses a taken or malformed domain naming it", async () => {
    const created = await call("POST", "/api/v1/companies", {
      name: "Acme Corporation",
      domain: " Acme-Corp.EXAMPLE.com ",
      industry: "Manufacturing",
      size: "51-200",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: expect.any(String),
      name: "Acme Corporation",
      domain: "acme-corp.example.com",
      industry: "Manufacturing",
      size: "51-200",
    });

    const twin = await call("POST", "/api/v1/companies", {
      name: "Acme again",
      domain: "ACME-corp.example.com",
    });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().errors).toEqual([{ field: "body.domain", message: expect.any(String) }]);

    const other = (await call("POST", "/api/v1/companies", { name: "Other Ltd" })).json();
    const renamedToTaken = await call("PATCH", `/api/v1/companies/${other.id}`, {
      domain: "acme-corp.example.com",
    });
    expect(renamedToTaken.statusCode).toBe(409);
    expect(renamedToTaken.json().errors[0].field).toBe("body.domain");

    const malformed = await call("POST", "/api/v1/companies", {
      name: "Bad",
      domain: "https://bad.example.com/x",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe("body.domain");
    const badSize = await call("POST", "/api/v1/companies", { name: "Bad", size: "12" });
    expect(badSize.json().errors[0].field).toBe("body.size");

    // Keeping its own domain is not a conflict.
    const own = await call("PATCH", `/api/v1/companies/${created.json().id}`, {
      domain: "acme-corp.example.com",
    });
    expect(own.statusCode).toBe(200);
  });

  it("lists by name in keyset pages and searches name and domain", async () => {
    const prefix = `Pager ${newId().slice(-6)}`;
    for (const letter of ["D", "B", "E", "A", "C"])
      await call("POST", "/api/v1/companies", {
        name: `${prefix} ${letter}`,
        domain: `${letter}-${prefix.slice(-6)}.example.org`,
      });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `q=${encodeURIComponent(prefix)}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page: { data: { name: string }[]; nextCursor: string | null } = (
        await call("GET", `/api/v1/companies?${query}`)
      ).json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      names.push(...page.data.map((company: { name: string }) => company.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(["A", "B", "C", "D", "E"].map((letter) => `${prefix} ${letter}`));

    const byDomain = (
      await call("GET", `/api/v1/companies?q=${encodeURIComponent(`c-${prefix.slice(-6)}.EXAMPLE`)}`)
    ).json();
    expect(byDomain.data.map((company: { name: string }) => company.name)).toEqual([`${prefix} C`]);
    expect((await call("GET", "/api/v1/companies?cursor=bm90LWpzb24")).statusCode).toBe(400);
  });

  it("counts and lists a company's contacts, and a rename makes the search find them by the new name", async () => {
    const company = (await call("POST", "/api/v1/companies", { name: "Quillfeather Ltd" })).json();
    const ada = (await call("POST", "/api/v1/contacts", { name: "Ada Quill", companyId: company.id })).json();
    const bob = (await call("POST", "/api/v1/contacts", { name: "Bob Quill", companyId: company.id })).json();
    await call("POST", "/api/v1/contacts", { name: "Not Employed" });

    expect((await call("GET", `/api/v1/companies/${company.id}`)).json()).toMatchObject({
      name: "Quillfeather Ltd",
      contactCount: 2,
    });
    const first = (await call("GET", `/api/v1/companies/${company.id}/contacts?limit=1`)).json();
    expect(first.data.map((contact: { id: string }) => contact.id)).toEqual([bob.id]);
    expect(first.data[0].company).toEqual({ id: company.id, name: "Quillfeather Ltd" });
    const second = (
      await call("GET", `/api/v1/companies/${company.id}/contacts?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toEqual({ data: [expect.objectContaining({ id: ada.id })], nextCursor: null });

    expect(await searchCount("quillfeather")).toBe(2);
    const renamed = await call("PATCH", `/api/v1/companies/${company.id}`, { name: "Zyxwvut Holdings" });
    expect(renamed.json()).toMatchObject({ name: "Zyxwvut Holdings" });
    const found = (await call("GET", "/api/v1/contacts?q=Zyxwvut")).json();
    expect(found.data.map((contact: { name: string }) => contact.name).sort()).toEqual([
      "Ada Quill",
      "Bob Quill",
    ]);
    expect(await searchCount("quillfeather")).toBe(0);
    // The contacts' own names still find them.
    expect(await searchCount("ada quill")).toBe(1);
  });

  it("finds many contacts by a renamed company and unlinks them all on deletion, for owners and admins", async () => {
    const company = (await call("POST", "/api/v1/companies", { name: "Bulkington Group" })).json();
    const many = 1_234;
    await withTenant(harness.database.db, tenant.tenantId, (tx) =>
      insertContacts(
        tx,
        Array.from({ length: many }, (_, index) => {
          const contact = {
            name: `Worker ${index}`,
            email: null,
            phone: null,
            otherEmails: [],
            otherPhones: [],
          };
          return {
            ...contact,
            tenantId: tenant.tenantId,
            id: newId(),
            companyId: company.id,
            ...contactSearchKeys(contact),
          };
        }),
      ),
    );
    await call("PATCH", `/api/v1/companies/${company.id}`, { name: "Quorvane Group" });
    expect(await searchCount("quorvane")).toBe(many);
    expect(await searchCount("bulkington")).toBe(0);

    const { key } = await harness.modules.identity.issueApiKey(
      { tenantId: tenant.tenantId, role: "owner" },
      { name: "member", role: "member" },
    );
    const asMember = await call("DELETE", `/api/v1/companies/${company.id}`, undefined, {
      authorization: `Bearer ${key}`,
    });
    expect(asMember.statusCode).toBe(403);

    const deleted = await call("DELETE", `/api/v1/companies/${company.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await call("GET", `/api/v1/companies/${company.id}`)).statusCode).toBe(404);
    expect(await searchCount("quorvane")).toBe(0);
    expect(await searchCount("worker 1233")).toBe(1);
    const filter = JSON.stringify({
      match: "all",
      conditions: [{ field: "name", operator: "starts_with", value: "Worker " }],
    });
    const workers = (
      await call("GET", `/api/v1/contacts?limit=200&filter=${encodeURIComponent(filter)}`)
    ).json();
    expect(workers.data).toHaveLength(200);
    expect(
      workers.data.every(
        (contact: { companyId: string | null; company: unknown }) =>
          contact.companyId === null && contact.company === null,
      ),
    ).toBe(true);
  });
});
