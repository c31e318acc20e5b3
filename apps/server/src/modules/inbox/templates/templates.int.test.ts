import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { createSecretBox, loadSecretKeys } from "../../../platform/secret-box.ts";
import { readWebhookEvents, type TemplateStatusEvent } from "../../../providers/whatsapp-cloud/index.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";
import { eventually } from "../test-support.ts";
import { applyTemplateEvent } from "./apply-template-event.ts";
import { buildTemplateMessage } from "./build-template-message.ts";
import { syncChannelTemplates } from "./jobs.ts";
import { findTemplateForSend } from "./service.ts";
import { accessToken, startTemplateStandIn } from "./test-support.ts";

let harness: TestApp;
let tenant: TestTenant;
let standIn: Awaited<ReturnType<typeof startTemplateStandIn>>;
let channel: { id: string; wabaId: string };

const call = (method: "GET" | "POST", url: string, payload?: object, headers = tenant.headers) =>
  harness.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const syncDeps = () => ({
  db: harness.database.db,
  secrets: createSecretBox(loadSecretKeys(harness.config)),
});

/** A number registered with the stand-in and connected through the API (to `apiBaseUrl` when given). */
async function connectNumber(apiBaseUrl?: string) {
  const number = await standIn.registerNumber();
  const connected = await call("POST", "/api/v1/channels/whatsapp", {
    ...number,
    ...(apiBaseUrl ? { apiBaseUrl } : {}),
  });
  expect(connected.statusCode).toBe(201);
  return { id: connected.json().id as string, wabaId: number.wabaId };
}

/** The status webhook the stand-in sent on reviewing `name`, read as the inbox reads webhooks. */
const waitForStatusEvent = (name: string) =>
  eventually(async () =>
    standIn.webhooks
      .flatMap((body) => readWebhookEvents(body))
      .find((event): event is TemplateStatusEvent => event.kind === "template_status" && event.name === name),
  );

const applyEvent = (event: Parameters<typeof applyTemplateEvent>[2]) =>
  withTenant(harness.database.db, tenant.tenantId, (tx) => applyTemplateEvent(tx, tenant.tenantId, event));

const listNames = async (query: string) =>
  (await call("GET", `/api/v1/whatsapp/templates?${query}`))
    .json()
    .data.map((template: { name: string }) => template.name);

beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
  standIn = await startTemplateStandIn();
  channel = await connectNumber();
});
afterAll(async () => {
  await standIn?.close();
  await harness?.close();
});

const shippingNotice = (name: string) => ({
  channelId: channel.id,
  name,
  language: "fr",
  category: "UTILITY",
  body: { text: "Bonjour {{1}}, votre colis {{2}} est parti.", examples: ["Camille", "A42"] },
  footer: "La Boulangerie",
  buttons: [
    {
      type: "URL",
      text: "Suivre",
      url: "https://shop.example.com/track/{{1}}",
      example: "https://shop.example.com/track/A42",
    },
  ],
});

describe("WhatsApp message templates", () => {
  it("submits a template to the provider, keeps it PENDING with Meta's id, and applies the review webhook", async () => {
    const created = await call("POST", "/api/v1/whatsapp/templates", shippingNotice("shipping_notice"));
    expect(created.statusCode).toBe(201);
    const template = created.json();
    expect(template).toMatchObject({
      channelId: channel.id,
      name: "shipping_notice",
      language: "fr",
      category: "UTILITY",
      status: "PENDING",
      rejectionReason: null,
      variables: { header: 0, body: 2, buttons: [{ index: 0, type: "URL", variables: 1 }] },
      syncedAt: expect.any(String),
    });
    expect(template.components.map((component: { type: string }) => component.type)).toEqual([
      "BODY",
      "FOOTER",
      "BUTTONS",
    ]);

    const twin = await call("POST", "/api/v1/whatsapp/templates", shippingNotice("shipping_notice"));
    expect(twin.statusCode).toBe(409);
    expect(twin.json().errors).toEqual([{ field: "body.name", message: expect.any(String) }]);

    const approval = await waitForStatusEvent("shipping_notice");
    expect(approval.event).toBe("APPROVED");
    expect(await applyEvent(approval)).toHaveLength(1);
    expect((await call("GET", `/api/v1/whatsapp/templates/${template.id}`)).json().status).toBe("APPROVED");
  });

  it("keeps the rejection reason of a template Meta rejects", async () => {
    const created = (await call("POST", "/api/v1/whatsapp/templates", shippingNotice("reject_me"))).json();
    const [rejected] = await applyEvent(await waitForStatusEvent("reject_me"));
    expect(rejected).toMatchObject({
      id: created.id,
      status: "REJECTED",
      rejectionReason: expect.stringContaining("reject"),
    });
  });

  it("answers Meta's refusal with 422 and its title, a draft Meta would refuse with 400, and no provider with 503", async () => {
    // hello_world exists at the provider (seeded) but has not been synced here yet.
    const duplicate = await call("POST", "/api/v1/whatsapp/templates", {
      ...shippingNotice("hello_world"),
      language: "en_US",
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json()).toMatchObject({
      code: "whatsapp_template_refused",
      providerTitle: "Content in This Language Already Exists",
    });

    const missingExample = await call("POST", "/api/v1/whatsapp/templates", {
      ...shippingNotice("missing_example"),
      body: { text: "Bonjour {{1}} {{2}}", examples: ["Camille"] },
    });
    expect(missingExample.statusCode).toBe(400);
    expect(missingExample.json().errors).toEqual([
      { field: "body.body.examples", message: expect.any(String) },
    ]);

    const unreachable = await connectNumber("http://127.0.0.1:1");
    const offline = await call("POST", "/api/v1/whatsapp/templates", {
      ...shippingNotice("offline"),
      channelId: unreachable.id,
    });
    expect(offline.statusCode).toBe(503);
  });

  it("syncs the provider's templates, marks the vanished ones DELETED, and sends a synced image template", async () => {
    expect((await call("POST", `/api/v1/channels/whatsapp/${channel.id}/templates/sync`)).statusCode).toBe(
      202,
    );
    await syncChannelTemplates(syncDeps(), tenant.tenantId, channel.id);
    const synced = await listNames(`channelId=${channel.id}`);
    expect(synced).toEqual(["hello_world", "order_update", "reject_me", "shipping_notice"]);

    const gone = await standIn.server.inject({
      method: "DELETE",
      url: `/sandbox/whatsapp/v21.0/${channel.wabaId}/message_templates?name=reject_me`,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(gone.statusCode).toBe(200);
    await syncChannelTemplates(syncDeps(), tenant.tenantId, channel.id);
    expect(await listNames(`channelId=${channel.id}&status=deleted`)).toEqual(["reject_me"]);

    const message = await withTenant(harness.database.db, tenant.tenantId, async (tx) => {
      const template = await findTemplateForSend(tx, tenant.tenantId, channel.id, "order_update", "en");
      return buildTemplateMessage(template, {
        name: "order_update",
        language: "en",
        header: { mediaUrl: "https://cdn.example.com/parcel.jpg" },
        body: ["Camille", "#1042"],
        buttons: [{ index: 0, text: "1042" }],
      });
    });
    expect(message.components.map((component) => component.type)).toEqual(["header", "body", "button"]);
    await expect(
      withTenant(harness.database.db, tenant.tenantId, (tx) =>
        findTemplateForSend(tx, tenant.tenantId, channel.id, "reject_me", "fr"),
      ),
    ).rejects.toMatchObject({ kind: "validation" });
  });

  it("applies quality and status events by provider id, or by name and language when the id is new", async () => {
    const [orderUpdate] = (await call("GET", "/api/v1/whatsapp/templates?q=order_upd")).json().data;
    const account = { wabaId: channel.wabaId, name: "order_update", language: "en" };
    const [rated] = await applyEvent({
      kind: "template_quality",
      ...account,
      templateId: "unknown-id",
      previousScore: "GREEN",
      newScore: "YELLOW",
    });
    expect(rated).toMatchObject({
      id: orderUpdate.id,
      qualityScore: "YELLOW",
      providerTemplateId: "unknown-id",
    });
    const [paused] = await applyEvent({
      kind: "template_status",
      ...account,
      templateId: "unknown-id",
      event: "PAUSED",
      reason: "NONE",
    });
    expect(paused).toMatchObject({ id: orderUpdate.id, status: "PAUSED", rejectionReason: null });
    expect(
      await applyEvent({ kind: "template_status", ...account, templateId: "unknown-id", event: "FLAGGED" }),
    ).toEqual([]);
    expect(
      await applyEvent({
        kind: "template_status",
        ...account,
        name: "never_synced",
        templateId: "9",
        event: "APPROVED",
      }),
    ).toEqual([]);
  });

  it("pages by name, filters, and lets members list but not create or sync", async () => {
    const first = (await call("GET", `/api/v1/whatsapp/templates?channelId=${channel.id}&limit=2`)).json();
    expect(first.data.map((template: { name: string }) => template.name)).toEqual([
      "hello_world",
      "order_update",
    ]);
    const second = (
      await call(
        "GET",
        `/api/v1/whatsapp/templates?channelId=${channel.id}&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.data.map((template: { name: string }) => template.name)).toEqual([
      "reject_me",
      "shipping_notice",
    ]);
    expect(second.nextCursor).toBeNull();
    expect(await listNames("q=SHIPPING")).toEqual(["shipping_notice"]);

    const memberKey = await harness.modules.identity.issueApiKey(
      { tenantId: tenant.tenantId, role: "owner" },
      { name: "member key", role: "member" },
    );
    const asMember = { authorization: `Bearer ${memberKey.key}` };
    expect(
      (await call("GET", "/api/v1/whatsapp/templates", undefined, asMember)).json().data.length,
    ).toBeGreaterThan(0);
    expect(
      (await call("POST", "/api/v1/whatsapp/templates", shippingNotice("by_member"), asMember)).statusCode,
    ).toBe(403);
    expect(
      (await call("POST", `/api/v1/channels/whatsapp/${channel.id}/templates/sync`, undefined, asMember))
        .statusCode,
    ).toBe(403);
  });
});
