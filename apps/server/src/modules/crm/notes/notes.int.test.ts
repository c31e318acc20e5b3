import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DomainEvent, subscribeEvents } from "../../../platform/events.ts";
import { newId } from "../../../platform/ids.ts";
import { startTestApp, type TestApp } from "../../../test/harness.ts";

type Credentials = { headers?: Record<string, string>; cookies?: Record<string, string> };

let harness: TestApp;
let owner: { userId: string; tenantId: string; session: Credentials };
let adminKey: Credentials;
let memberKey: Credentials;
let outsiderId: string;

async function signUp(name: string) {
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    payload: {
      email: `${name}-${newId()}@example.com`,
      password: "a long enough test password",
      name,
      organizationName: `${name}'s organisation`,
    },
  });
  const { user, organization } = response.json();
  const cookie = response.cookies.find((entry) => entry.name === "sbos_session");
  return {
    userId: user.id as string,
    tenantId: organization.id as string,
    session: { cookies: { sbos_session: cookie?.value ?? "" } },
  };
}

async function keyOf(tenantId: string, role: "admin" | "member"): Promise<Credentials> {
  const { key } = await harness.modules.identity.issueApiKey(
    { tenantId, role: "owner" },
    { name: role, role },
  );
  return { headers: { authorization: `Bearer ${key}` } };
}

beforeAll(async () => {
  harness = await startTestApp();
  owner = await signUp("Olga");
  outsiderId = (await signUp("Oscar")).userId;
  adminKey = await keyOf(owner.tenantId, "admin");
  memberKey = await keyOf(owner.tenantId, "member");
});
afterAll(() => harness.close());

const call = (as: Credentials, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
  harness.app.inject({ method, url, ...as, ...(payload ? { payload } : {}) });
const newContact = async () =>
  (await call(adminKey, "POST", "/api/v1/contacts", { name: `Noted ${newId()}` })).json().id as string;

describe("notes", () => {
  it("adds a markdown note by the member who writes it, publishing its mentions", async () => {
    const contactId = await newContact();
    const events: DomainEvent[] = [];
    const stop = await subscribeEvents(harness.database, (event) => events.push(event));
    try {
      const created = await call(owner.session, "POST", `/api/v1/contacts/${contactId}/notes`, {
        body: "Called **today**; see [the brief](https://example.com).",
        mentions: [owner.userId, owner.userId],
      });
      expect(created.statusCode).toBe(201);
      const note = created.json();
      expect(note).toMatchObject({
        contactId,
        authorId: owner.userId,
        body: "Called **today**; see [the brief](https://example.com).",
        mentions: [owner.userId],
      });
      await expect
        .poll(() => events.find((event) => event.type === "crm.note.created"))
        .toEqual({
          type: "crm.note.created",
          tenantId: owner.tenantId,
          data: { contactId, noteId: note.id, mentions: [owner.userId] },
        });
    } finally {
      await stop();
    }
    const byKey = (
      await call(adminKey, "POST", `/api/v1/contacts/${contactId}/notes`, { body: "By the API" })
    ).json();
    expect(byKey).toMatchObject({ authorId: null, mentions: [] });
    const listed = (await call(memberKey, "GET", `/api/v1/contacts/${contactId}/notes?limit=1`)).json();
    expect(listed.data.map((entry: { id: string }) => entry.id)).toEqual([byKey.id]);
    const rest = (
      await call(memberKey, "GET", `/api/v1/contacts/${contactId}/notes?cursor=${listed.nextCursor}`)
    ).json();
    expect(rest.data.map((entry: { body: string }) => entry.body)).toEqual([
      "Called **today**; see [the brief](https://example.com).",
    ]);
    expect(rest.nextCursor).toBeNull();
  });

  it("refuses a mention of anyone who is not a member, naming body.mentions.N, and an empty or huge body", async () => {
    const contactId = await newContact();
    const refused = await call(owner.session, "POST", `/api/v1/contacts/${contactId}/notes`, {
      body: "Hello",
      mentions: [owner.userId, outsiderId, newId()],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((error: { field: string }) => error.field)).toEqual([
      "body.mentions.1",
      "body.mentions.2",
    ]);
    const note = (
      await call(owner.session, "POST", `/api/v1/contacts/${contactId}/notes`, { body: "Hi" })
    ).json();
    const badEdit = await call(owner.session, "PATCH", `/api/v1/contacts/${contactId}/notes/${note.id}`, {
      mentions: [outsiderId],
    });
    expect(badEdit.json().errors).toEqual([{ field: "body.mentions.0", message: expect.any(String) }]);
    expect(
      (await call(owner.session, "POST", `/api/v1/contacts/${contactId}/notes`, { body: "   " })).json()
        .errors[0].field,
    ).toBe("body.body");
    expect(
      (
        await call(owner.session, "POST", `/api/v1/contacts/${contactId}/notes`, { body: "x".repeat(20_001) })
      ).json().errors[0].field,
    ).toBe("body.body");
    const notes = (await call(owner.session, "GET", `/api/v1/contacts/${contactId}/notes`)).json().data;
    expect(notes.map((entry: { body: string; mentions: string[] }) => [entry.body, entry.mentions])).toEqual([
      ["Hi", []],
    ]);
  });

  it("lets only the author, owners and admins change or delete a note", async () => {
    const contactId = await newContact();
    const url = `/api/v1/contacts/${contactId}/notes`;
    const ownersNote = (await call(owner.session, "POST", url, { body: "Owner's note" })).json();
    const membersNote = (await call(memberKey, "POST", url, { body: "Member key's note" })).json();

    // A member who did not write it (an API key writes notes without an author) may not touch it.
    expect((await call(memberKey, "PATCH", `${url}/${ownersNote.id}`, { body: "Changed" })).statusCode).toBe(
      403,
    );
    expect((await call(memberKey, "DELETE", `${url}/${ownersNote.id}`)).statusCode).toBe(403);
    expect((await call(memberKey, "PATCH", `${url}/${membersNote.id}`, { body: "Changed" })).statusCode).toBe(
      403,
    );

    const byAuthor = await call(owner.session, "PATCH", `${url}/${ownersNote.id}`, {
      body: "Edited by its author",
    });
    expect(byAuthor.json()).toMatchObject({ body: "Edited by its author", authorId: owner.userId });
    const byAdmin = await call(adminKey, "PATCH", `${url}/${membersNote.id}`, { mentions: [owner.userId] });
    expect(byAdmin.json()).toMatchObject({ body: "Member key's note", mentions: [owner.userId] });

    expect((await call(adminKey, "DELETE", `${url}/${membersNote.id}`)).statusCode).toBe(204);
    expect((await call(owner.session, "DELETE", `${url}/${ownersNote.id}`)).statusCode).toBe(204);
    expect((await call(owner.session, "GET", url)).json().data).toEqual([]);

    // A note is only reachable through its own contact.
    const kept = (await call(owner.session, "POST", url, { body: "Kept" })).json();
    const elsewhere = await newContact();
    expect(
      (await call(adminKey, "DELETE", `/api/v1/contacts/${elsewhere}/notes/${kept.id}`)).statusCode,
    ).toBe(404);
    expect((await call(adminKey, "GET", `/api/v1/contacts/${newId()}/notes`)).statusCode).toBe(404);
  });
});
