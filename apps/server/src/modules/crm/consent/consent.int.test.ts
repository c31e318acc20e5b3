import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";
import { contactsWithConsent } from "./repo.ts";
import { recordConsent } from "./service.ts";

let harness: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "member");
});
afterAll(() => harness.close());

const call = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  harness.app.inject({ method, url, headers: tenant.headers, ...(payload ? { payload } : {}) });
const newContact = async (name: string) =>
  (await call("POST", "/api/v1/contacts", { name })).json().id as string;
const whatsappOf = (consent: { channels: { channel: string }[] }) =>
  consent.channels.find((entry) => entry.channel === "whatsapp");

describe("consent", () => {
  it("starts with no consent on any channel", async () => {
    const contactId = await newContact("Never Asked");
    const consent = await call("GET", `/api/v1/contacts/${contactId}/consent`);
    expect(consent.json()).toEqual({
      channels: ["whatsapp", "email", "sms"].map((channel) => ({
        channel,
        status: "none",
        method: null,
        evidence: null,
        changedAt: null,
      })),
      history: [],
    });
  });

  it("is monotonic in time: an older change joins the history without replacing a newer state", async () => {
    const contactId = await newContact("Changing Mind");
    const url = `/api/v1/contacts/${contactId}/consent/whatsapp`;
    const optedIn = await call("PUT", url, {
      status: "opted_in",
      method: "form",
      evidence: "Signed up at example.com/join",
      occurredAt: "2026-01-10T10:00:00Z",
    });
    expect(optedIn.statusCode).toBe(200);
    expect(whatsappOf(optedIn.json())).toEqual({
      channel: "whatsapp",
      status: "opted_in",
      method: "form",
      evidence: "Signed up at example.com/join",
      changedAt: "2026-01-10T10:00:00.000Z",
    });

    const late = await call("PUT", url, {
      status: "opted_out",
      method: "import",
      occurredAt: "2026-01-05T09:00:00+01:00",
    });
    expect(whatsappOf(late.json())).toMatchObject({ status: "opted_in", method: "form" });
    expect(
      late
        .json()
        .history.map((event: { status: string; occurredAt: string }) => [event.status, event.occurredAt]),
    ).toEqual([
      ["opted_in", "2026-01-10T10:00:00.000Z"],
      ["opted_out", "2026-01-05T08:00:00.000Z"],
    ]);

    const stop = await call("PUT", url, { status: "opted_out", method: "inbound_keyword", evidence: "STOP" });
    expect(whatsappOf(stop.json())).toMatchObject({
      status: "opted_out",
      method: "inbound_keyword",
      evidence: "STOP",
    });
    expect(stop.json().history).toHaveLength(3);
    expect(stop.json().history[0]).toMatchObject({
      status: "opted_out",
      method: "inbound_keyword",
      actorId: null,
    });
    expect(stop.json().channels.filter((entry: { status: string }) => entry.status === "none")).toHaveLength(
      2,
    );

    const timeline = (await call("GET", `/api/v1/contacts/${contactId}/timeline`)).json().data;
    expect(timeline.filter((entry: { kind: string }) => entry.kind === "consent.changed")).toHaveLength(3);
    expect(timeline[0]).toMatchObject({
      kind: "consent.changed",
      summary: "WhatsApp: opted out (inbound keyword)",
    });
  });

  it("filters on consent.whatsapp and refuses a future date, an unknown channel or method", async () => {
    const optedIn = await newContact("Filter Yes");
    const optedOut = await newContact("Filter No");
    const never = await newContact("Filter Never");
    await call("PUT", `/api/v1/contacts/${optedIn}/consent/whatsapp`, { status: "opted_in", method: "api" });
    await call("PUT", `/api/v1/contacts/${optedOut}/consent/whatsapp`, {
      status: "opted_out",
      method: "manual",
    });
    await call("PUT", `/api/v1/contacts/${never}/consent/email`, { status: "opted_in", method: "form" });
    const filterOf = (value: string) =>
      encodeURIComponent(
        JSON.stringify({
          match: "all",
          conditions: [
            { field: "consent.whatsapp", operator: "eq", value },
            { field: "name", operator: "starts_with", value: "Filter " },
          ],
        }),
      );
    const ids = async (value: string) =>
      (await call("GET", `/api/v1/contacts?filter=${filterOf(value)}`))
        .json()
        .data.map((contact: { id: string }) => contact.id);
    expect(await ids("opted_in")).toEqual([optedIn]);
    expect(await ids("opted_out")).toEqual([optedOut]);
    expect(await ids("none")).toEqual([never]);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const refused = await call("PUT", `/api/v1/contacts/${optedIn}/consent/whatsapp`, {
      status: "opted_out",
      method: "api",
      occurredAt: future,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe("body.occurredAt");
    expect(
      (await call("PUT", `/api/v1/contacts/${optedIn}/consent/fax`, { status: "opted_in", method: "api" }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await call("PUT", `/api/v1/contacts/${optedIn}/consent/sms`, {
          status: "opted_in",
          method: "carrier pigeon",
        })
      ).json().errors[0].field,
    ).toBe("body.method");
    expect(await ids("opted_in")).toEqual([optedIn]);
  });

  it("records consent inside another transaction, as the system, and answers the opted-in subset", async () => {
    const first = await newContact("Imported One");
    const second = await newContact("Imported Two");
    const third = await newContact("Imported Three");
    const db = harness.database.db;
    const result = await withTenant(db, tenant.tenantId, async (tx) => {
      await recordConsent(
        tx,
        tenant.tenantId,
        null,
        first,
        "sms",
        "opted_in",
        "import",
        "row 2",
        new Date("2026-02-01T00:00:00Z"),
      );
      await recordConsent(tx, tenant.tenantId, null, second, "sms", "opted_in", "import", null);
      await recordConsent(tx, tenant.tenantId, null, second, "sms", "opted_out", "inbound_keyword", "STOP");
      return recordConsent(
        tx,
        tenant.tenantId,
        null,
        first,
        "sms",
        "opted_out",
        "import",
        null,
        new Date("2025-12-01T00:00:00Z"),
      );
    });
    expect(result).toEqual({ applied: false });
    const optedIn = await withTenant(db, tenant.tenantId, (tx) =>
      contactsWithConsent(tx, tenant.tenantId, "sms", [first, second, third]),
    );
    expect(optedIn).toEqual([first]);
    expect(
      await withTenant(db, tenant.tenantId, (tx) =>
        contactsWithConsent(tx, tenant.tenantId, "email", [first]),
      ),
    ).toEqual([]);
  });
});
