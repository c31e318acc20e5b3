import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../platform/actor.ts";
import type { Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { newId } from "../../../platform/ids.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";
import { createGdprService } from "./service.ts";

let harness: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
});
afterAll(() => harness.close());

const call = async (
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: object,
  headers = tenant.headers,
) => harness.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** A contact with something in every table that holds personal data about it. */
async function createDataSubject(email: string) {
  const company = (await call("POST", "/api/v1/companies", { name: `Acme ${newId()}` })).json();
  const contact = (
    await call("POST", "/api/v1/contacts", {
      name: "Zoë Data-Subject",
      email,
      phone: "+44 20 7946 0958",
      companyId: company.id,
    })
  ).json();
  const tag = (await call("POST", "/api/v1/tags", { name: `Subject ${newId()}` })).json();
  await call("PUT", `/api/v1/contacts/${contact.id}/tags/${tag.id}`);
  await call("POST", `/api/v1/contacts/${contact.id}/notes`, { body: "Prefers calls after **6pm**" });
  await call("PUT", `/api/v1/contacts/${contact.id}/consent/email`, {
    status: "opted_in",
    method: "form",
    evidence: "newsletter form",
  });
  await call("PUT", `/api/v1/contacts/${contact.id}/consent/email`, {
    status: "opted_out",
    method: "manual",
  });
  return { contact, company, tag };
}

const countRows = (table: string, contactId: string) =>
  withTenant(harness.database.db, tenant.tenantId, async (tx) => {
    const result = await tx.execute<{ count: number }>(
      sql`select count(*)::int as count from ${sql.identifier(table)} where contact_id = ${contactId}`,
    );
    return result.rows[0]?.count;
  });

describe("GDPR", () => {
  it("exports everything about one contact as JSON, and audits that it did", async () => {
    const { contact, company, tag } = await createDataSubject("zoe@example.com");
    const response = await call("GET", `/api/v1/contacts/${contact.id}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="contact-${contact.id}.json"`);
    const data = response.json();
    expect(data.contact).toMatchObject({ id: contact.id, email: "zoe@example.com", phone: "+442079460958" });
    expect(data.contact.tags).toEqual([expect.objectContaining({ id: tag.id })]);
    expect(data.company).toMatchObject({ id: company.id, name: company.name });
    expect(data.notes).toEqual([expect.objectContaining({ body: "Prefers calls after **6pm**" })]);
    expect(data.consent.current).toEqual([
      expect.objectContaining({ channel: "email", status: "opted_out", method: "manual" }),
    ]);
    expect(data.consent.history.map((event: { status: string }) => event.status)).toEqual([
      "opted_out",
      "opted_in",
    ]);
    expect(data.consent.history[1].evidence).toBe("newsletter form");
    expect(data.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(
      expect.arrayContaining(["contact.created", "tag.added", "note.added"]),
    );
    expect(data.other).toEqual({ whatsapp: [] });

    const audit = (await call("GET", `/api/v1/audit-events?action=contact.gdpr_export`)).json().data;
    expect(audit).toEqual([expect.objectContaining({ targetType: "contact", targetId: contact.id })]);
    expect((await call("GET", `/api/v1/contacts/${newId()}/export`)).statusCode).toBe(404);
  });

  it("erases a contact with everything linked, keeping only the fact in the audit log", async () => {
    const { contact } = await createDataSubject("erase-me@example.com");
    for (const table of ["notes", "contact_tags", "consents", "consent_events", "activities"]) {
      expect({ table, rows: await countRows(table, contact.id) }).not.toEqual({ table, rows: 0 });
    }
    const { key } = await harness.modules.identity.issueApiKey(
      { tenantId: tenant.tenantId, role: "owner" },
      { name: "member", role: "member" },
    );
    const asMember = await call("POST", `/api/v1/contacts/${contact.id}/erase`, undefined, {
      authorization: `Bearer ${key}`,
    });
    expect(asMember.statusCode).toBe(403);
    expect((await call("GET", `/api/v1/contacts/${contact.id}`)).statusCode).toBe(200);

    const erased = await call("POST", `/api/v1/contacts/${contact.id}/erase`);
    expect(erased.statusCode).toBe(204);
    expect((await call("GET", `/api/v1/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await call("GET", `/api/v1/contacts/${contact.id}/export`)).statusCode).toBe(404);
    expect((await call("POST", `/api/v1/contacts/${contact.id}/erase`)).statusCode).toBe(404);
    for (const table of ["notes", "contact_tags", "consents", "consent_events", "activities"]) {
      expect({ table, rows: await countRows(table, contact.id) }).toEqual({ table, rows: 0 });
    }

    const entries = (await call("GET", `/api/v1/audit-events?action=contact.erase`)).json().data;
    expect(entries).toEqual([expect.objectContaining({ targetType: "contact", targetId: contact.id })]);
    // Earlier entries about the contact keep the fact (contact.create and who did it), not the data.
    const history = (await call("GET", `/api/v1/audit-events?targetId=${contact.id}`)).json().data;
    expect(history.map((entry: { action: string }) => entry.action)).toContain("contact.create");
    const recorded = JSON.stringify(history);
    for (const personal of ["erase-me@example.com", "Zoë", "Data-Subject", "442079460958"])
      expect(recorded).not.toContain(personal);
  });

  it("includes what other modules register, and erases through their erasers in the same transaction", async () => {
    const { contact } = await createDataSubject("registry@example.com");
    const actor: Actor = { tenantId: tenant.tenantId, role: "owner" };
    const erasedBy: string[] = [];
    const inbox = {
      name: "inbox",
      collect: async (_tx: Executor, tenantId: string, contactId: string) => ({
        tenantId,
        contactId,
        messages: 2,
      }),
      erase: async (_tx: Executor, _tenantId: string, contactId: string) => {
        erasedBy.push(contactId);
      },
    };
    const failing = {
      name: "broken",
      erase: async () => {
        throw new Error("the inbox is down");
      },
    };
    const service = createGdprService({
      db: harness.database.db,
      registry: { personalDataSources: [inbox], personalDataErasers: [inbox, failing] },
    });
    const data = await service.exportPersonalData(actor, contact.id);
    expect(data.other).toEqual({ inbox: { tenantId: tenant.tenantId, contactId: contact.id, messages: 2 } });

    await expect(service.eraseContact(actor, contact.id)).rejects.toThrow("the inbox is down");
    expect((await call("GET", `/api/v1/contacts/${contact.id}`)).statusCode).toBe(200);
    expect(await countRows("notes", contact.id)).toBe(1);

    const working = createGdprService({
      db: harness.database.db,
      registry: { personalDataErasers: [inbox] },
    });
    await working.eraseContact(actor, contact.id);
    expect(erasedBy).toEqual([contact.id, contact.id]);
    expect((await call("GET", `/api/v1/contacts/${contact.id}`)).statusCode).toBe(404);
  });
});
