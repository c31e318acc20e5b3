import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { newId } from "../../../platform/ids.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";
import { appendActivities } from "./activity.ts";

let harness: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
});
afterAll(() => harness.close());

const call = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  harness.app.inject({ method, url, headers: tenant.headers, ...(payload ? { payload } : {}) });

describe("contact timeline", () => {
  it("shows contact.created, note.added and tag.added newest first, in keyset pages", async () => {
    const contact = (await call("POST", "/api/v1/contacts", { name: "Timeline Person" })).json();
    const note = (await call("POST", `/api/v1/contacts/${contact.id}/notes`, { body: "First call" })).json();
    const tag = (await call("POST", "/api/v1/tags", { name: "Timeline tag" })).json();
    await call("PUT", `/api/v1/contacts/${contact.id}/tags/${tag.id}`);

    const whole = (await call("GET", `/api/v1/contacts/${contact.id}/timeline`)).json();
    expect(whole.nextCursor).toBeNull();
    expect(whole.data).toEqual([
      {
        id: expect.any(String),
        kind: "tag.added",
        summary: "Tagged Timeline tag",
        data: { tagId: tag.id, name: "Timeline tag" },
        actorId: null,
        occurredAt: expect.any(String),
      },
      expect.objectContaining({ kind: "note.added", data: { noteId: note.id } }),
      expect.objectContaining({ kind: "contact.created", summary: "Contact created" }),
    ]);

    const kinds: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { kind: string }[]; nextCursor: string | null } = (
        await call(
          "GET",
          `/api/v1/contacts/${contact.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        )
      ).json();
      kinds.push(...page.data.map((entry: { kind: string }) => entry.kind));
      cursor = page.nextCursor;
    } while (cursor);
    expect(kinds).toEqual(["tag.added", "note.added", "contact.created"]);
  });

  it("shows what other modules append, and refuses unknown contacts and cursors", async () => {
    const contact = (await call("POST", "/api/v1/contacts", { name: "Messaged Person" })).json();
    await withTenant(harness.database.db, tenant.tenantId, (tx) =>
      appendActivities(tx, tenant.tenantId, [
        {
          contactId: contact.id,
          kind: "message.received",
          summary: "WhatsApp message received",
          data: { messageId: "m1" },
        },
      ]),
    );
    const entries = (await call("GET", `/api/v1/contacts/${contact.id}/timeline`)).json().data;
    expect(entries[0]).toMatchObject({ kind: "message.received", data: { messageId: "m1" }, actorId: null });

    expect((await call("GET", `/api/v1/contacts/${newId()}/timeline`)).statusCode).toBe(404);
    const tampered = Buffer.from("not-an-id").toString("base64url");
    const refused = await call("GET", `/api/v1/contacts/${contact.id}/timeline?cursor=${tampered}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe("querystring.cursor");
  });
});
