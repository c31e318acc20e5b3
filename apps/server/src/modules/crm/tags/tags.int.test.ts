import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";
import { findOrCreateTagsByName, tagContacts, untagContacts } from "./repo.ts";

let harness: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
});
afterAll(() => harness.close());

const call = (
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  payload?: object,
  headers = tenant.headers,
) => harness.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const createContact = async (name: string) =>
  (await call("POST", "/api/v1/contacts", { name })).json() as { id: string; updatedAt: string };
const createTag = async (name: string, color?: string) =>
  (await call("POST", "/api/v1/tags", { name, ...(color ? { color } : {}) })).json() as {
    id: string;
    name: string;
  };
const kindsOf = async (contactId: string) =>
  (await call("GET", `/api/v1/contacts/${contactId}/timeline`))
    .json()
    .data.map((entry: { kind: string }) => entry.kind);

describe("tags", () => {
  it("keeps names unique ignoring case, naming body.name, and picks a palette colour when none is given", async () => {
    const vip = await call("POST", "/api/v1/tags", { name: "VIP" });
    expect(vip.statusCode).toBe(201);
    expect(vip.json()).toMatchObject({
      name: "VIP",
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      contactCount: 0,
    });
    const twin = await call("POST", "/api/v1/tags", { name: "  vip " });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().errors).toEqual([{ field: "body.name", message: expect.any(String) }]);

    const other = await createTag("Prospect", "#AABBCC");
    expect(other).toMatchObject({ color: "#aabbcc" });
    const renamed = await call("PATCH", `/api/v1/tags/${other.id}`, { name: "Vip" });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().errors[0].field).toBe("body.name");
    // Changing only the case of its own name is allowed.
    expect((await call("PATCH", `/api/v1/tags/${other.id}`, { name: "PROSPECT" })).json().name).toBe(
      "PROSPECT",
    );

    expect((await call("POST", "/api/v1/tags", { name: "x".repeat(51) })).json().errors[0].field).toBe(
      "body.name",
    );
    expect((await call("POST", "/api/v1/tags", { name: "Red", color: "red" })).json().errors[0].field).toBe(
      "body.color",
    );
  });

  it("tags and untags idempotently, with one timeline entry per change, and filters with has_any", async () => {
    const tag = await createTag("Golden");
    const other = await createTag("Silver");
    const tagged = await createContact("Tagged Person");
    const untagged = await createContact("Untagged Person");

    expect((await call("PUT", `/api/v1/contacts/${tagged.id}/tags/${tag.id}`)).statusCode).toBe(204);
    expect((await call("PUT", `/api/v1/contacts/${tagged.id}/tags/${tag.id}`)).statusCode).toBe(204);
    await call("PUT", `/api/v1/contacts/${untagged.id}/tags/${other.id}`);
    const afterTagging = (await call("GET", `/api/v1/contacts/${tagged.id}`)).json();
    expect(afterTagging.tags).toEqual([{ id: tag.id, name: "Golden", color: expect.any(String) }]);
    expect(afterTagging.updatedAt > tagged.updatedAt).toBe(true);
    expect((await call("GET", `/api/v1/tags/${tag.id}`)).json().contactCount).toBe(1);
    expect(await kindsOf(tagged.id)).toEqual(["tag.added", "contact.created"]);

    const filter = JSON.stringify({
      match: "all",
      conditions: [{ field: "tags", operator: "has_any", value: [tag.id] }],
    });
    const matching = (await call("GET", `/api/v1/contacts?filter=${encodeURIComponent(filter)}`)).json();
    expect(matching.data.map((contact: { id: string }) => contact.id)).toEqual([tagged.id]);

    expect((await call("DELETE", `/api/v1/contacts/${tagged.id}/tags/${tag.id}`)).statusCode).toBe(204);
    expect((await call("DELETE", `/api/v1/contacts/${tagged.id}/tags/${tag.id}`)).statusCode).toBe(204);
    expect(await kindsOf(tagged.id)).toEqual(["tag.removed", "tag.added", "contact.created"]);
    expect((await call("GET", `/api/v1/contacts?filter=${encodeURIComponent(filter)}`)).json().data).toEqual(
      [],
    );

    const unknown = "01900000-0000-7000-8000-000000000000";
    expect((await call("PUT", `/api/v1/contacts/${tagged.id}/tags/${unknown}`)).statusCode).toBe(404);
    expect((await call("PUT", `/api/v1/contacts/${unknown}/tags/${tag.id}`)).statusCode).toBe(404);
  });

  it("lists tags by name in pages with their contact counts; deleting one is for owners and admins", async () => {
    const own = await createTestTenant(harness.modules, "admin");
    const headers = own.headers;
    for (const name of ["delta", "Alpha", "charlie", "Bravo"])
      await call("POST", "/api/v1/tags", { name }, headers);
    const contact = (await call("POST", "/api/v1/contacts", { name: "Counted" }, headers)).json();
    const first = (await call("GET", "/api/v1/tags?limit=3", undefined, headers)).json();
    expect(first.data.map((tag: { name: string }) => tag.name)).toEqual(["Alpha", "Bravo", "charlie"]);
    const second = (
      await call("GET", `/api/v1/tags?limit=3&cursor=${first.nextCursor}`, undefined, headers)
    ).json();
    expect(second).toEqual({ data: [expect.objectContaining({ name: "delta" })], nextCursor: null });
    expect(
      (await call("GET", "/api/v1/tags?q=CH", undefined, headers))
        .json()
        .data.map((tag: { name: string }) => tag.name),
    ).toEqual(["charlie"]);

    const bravo = first.data[1];
    await call("PUT", `/api/v1/contacts/${contact.id}/tags/${bravo.id}`, undefined, headers);
    const counts = (await call("GET", "/api/v1/tags", undefined, headers)).json().data;
    expect(counts.map((tag: { contactCount: number }) => tag.contactCount)).toEqual([0, 1, 0, 0]);

    const { key } = await harness.modules.identity.issueApiKey(
      { tenantId: own.tenantId, role: "owner" },
      { name: "member", role: "member" },
    );
    expect(
      (await call("DELETE", `/api/v1/tags/${bravo.id}`, undefined, { authorization: `Bearer ${key}` }))
        .statusCode,
    ).toBe(403);
    expect((await call("DELETE", `/api/v1/tags/${bravo.id}`, undefined, headers)).statusCode).toBe(204);
    expect((await call("GET", `/api/v1/contacts/${contact.id}`, undefined, headers)).json().tags).toEqual([]);
  });

  it("tags and untags many contacts in one statement, and finds or creates tags by name ignoring case", async () => {
    const tag = await createTag("Bulk tagged");
    const contacts = await Promise.all(["One", "Two", "Three"].map((name) => createContact(`Bulk ${name}`)));
    const ids = contacts.map((contact) => contact.id);
    await call("PUT", `/api/v1/contacts/${ids[0]}/tags/${tag.id}`);
    const foreign = await createTestTenant(harness.modules, "admin");
    const foreignContact = (
      await call("POST", "/api/v1/contacts", { name: "Foreign" }, foreign.headers)
    ).json();

    const db = harness.database.db;
    const added = await withTenant(db, tenant.tenantId, (tx) =>
      tagContacts(tx, tenant.tenantId, [...ids, foreignContact.id], tag.id),
    );
    expect(added.sort()).toEqual(ids.slice(1).sort());
    expect((await call("GET", `/api/v1/tags/${tag.id}`)).json().contactCount).toBe(3);
    const removed = await withTenant(db, tenant.tenantId, (tx) =>
      untagContacts(tx, tenant.tenantId, ids.slice(0, 2), tag.id),
    );
    expect(removed.sort()).toEqual(ids.slice(0, 2).sort());
    expect((await call("GET", `/api/v1/tags/${tag.id}`)).json().contactCount).toBe(1);

    const found = await withTenant(db, tenant.tenantId, (tx) =>
      findOrCreateTagsByName(tx, tenant.tenantId, ["bulk TAGGED", "Newcomer", " newcomer ", "NEWCOMER"]),
    );
    expect(found.get("bulk TAGGED")?.id).toBe(tag.id);
    expect(found.get("Newcomer")?.id).toEqual(expect.any(String));
    expect(found.get("newcomer")?.id).toBe(found.get("Newcomer")?.id);
    expect(found.get("NEWCOMER")?.id).toBe(found.get("Newcomer")?.id);
    const newcomers = (await call("GET", "/api/v1/tags?q=newcomer")).json().data;
    expect(newcomers).toHaveLength(1);
    await expect(
      withTenant(db, tenant.tenantId, (tx) =>
        findOrCreateTagsByName(tx, tenant.tenantId, ["ok", "x".repeat(51)]),
      ),
    ).rejects.toThrow(/tag name/);
  });
});
