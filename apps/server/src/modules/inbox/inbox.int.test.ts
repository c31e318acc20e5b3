import { createSimulatedCustomer } from "@sbos/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhookBody } from "../../providers/whatsapp-cloud/index.ts";
import { createTestTenant, type TestTenant } from "../../test/harness.ts";
import { appSecret, eventually, startInboxRig } from "./test-support.ts";

let rig: Awaited<ReturnType<typeof startInboxRig>>;
let tenant: TestTenant;
let number: Awaited<ReturnType<typeof rig.connectNumber>>;

beforeAll(async () => {
  rig = await startInboxRig();
  tenant = await createTestTenant(rig.harness.modules, "admin");
  number = await rig.connectNumber(tenant);
});
afterAll(() => rig.close());

const api = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, headers = tenant.headers) =>
  rig.harness.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

type Conversation = {
  id: string;
  contact: { id: string; name: string; phone: string };
  unreadCount: number;
  status: string;
  window: { open: boolean };
};
type Message = {
  id: string;
  direction: string;
  kind: string;
  body: string;
  status: string;
  error: { code: number } | null;
};

async function conversationOf(waId: string) {
  const page = (await api("GET", "/api/v1/conversations?status=active&limit=100")).json();
  return (page.data as Conversation[] & { customerWaId?: string }[]).find(
    (conversation) => (conversation as unknown as { customerWaId: string }).customerWaId === waId,
  );
}
const messagesOf = async (conversationId: string) =>
  (await api("GET", `/api/v1/conversations/${conversationId}/messages`)).json().data as Message[];

/** A webhook body in Meta's format for this number, signed with the app secret. */
function signedDelivery(value: object, secret = appSecret) {
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550001111", phone_number_id: number.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });
  return { body, signature: signWebhookBody(body, secret) };
}

const deliver = (delivery: { body: string; signature?: string }) =>
  rig.harness.app.inject({
    method: "POST",
    url: "/webhooks/whatsapp",
    headers: {
      "content-type": "application/json",
      ...(delivery.signature ? { "x-hub-signature-256": delivery.signature } : {}),
    },
    payload: delivery.body,
  });

const textMessage = (waId: string, id: string, body: string, at = new Date()) => ({
  contacts: [{ profile: { name: "Zoé Martin" }, wa_id: waId }],
  messages: [
    { from: waId, id, timestamp: String(Math.floor(at.getTime() / 1000)), type: "text", text: { body } },
  ],
});

describe("whatsapp inbox through the sandbox", () => {
  it("receives a customer's message, replies, and sees the reply delivered then read", async () => {
    const customer = createSimulatedCustomer({
      sandboxUrl: rig.sandboxUrl,
      waId: "33612345678",
      name: "Amélie",
      phoneNumberId: number.phoneNumberId,
    });
    await customer.send("Bonjour, ma commande ?");
    const conversation = await eventually(() => conversationOf("33612345678"));
    expect(conversation.contact).toMatchObject({ name: "Amélie", phone: "+33612345678" });
    expect(conversation.unreadCount).toBe(1);
    expect(conversation.window.open).toBe(true);
    expect((await messagesOf(conversation.id)).map((message) => message.body)).toEqual([
      "Bonjour, ma commande ?",
    ]);

    const reply = await api("POST", `/api/v1/conversations/${conversation.id}/messages`, {
      type: "text",
      text: "Elle part demain.",
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ status: "queued", direction: "outbound" });
    await eventually(async () =>
      (await messagesOf(conversation.id)).find((message) => message.status === "delivered"),
    );
    expect((await customer.transcript()).map((entry) => entry.text)).toContain("Elle part demain.");
    await customer.markRead();
    const read = await eventually(async () =>
      (await messagesOf(conversation.id)).find((message) => message.status === "read"),
    );
    expect(read.body).toBe("Elle part demain.");

    const marked = await api("POST", `/api/v1/conversations/${conversation.id}/read`);
    expect(marked.json().unreadCount).toBe(0);
  });

  it("refuses unsigned, wrongly signed and malformed deliveries, and acknowledges unknown numbers", async () => {
    const delivery = signedDelivery(textMessage("33600000001", "wamid.refused-1", "hello"));
    expect((await deliver({ body: delivery.body })).statusCode).toBe(401);
    expect(
      (await deliver({ body: delivery.body, signature: signedDelivery({}, "wrong secret").signature }))
        .statusCode,
    ).toBe(401);
    expect((await deliver({ body: "{not json", signature: "sha256=00" })).statusCode).toBe(400);
    const unknown = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        { id: "1", changes: [{ field: "messages", value: { metadata: { phone_number_id: "404404404" } } }] },
      ],
    });
    expect(
      (await deliver({ body: unknown, signature: signWebhookBody(unknown, "anything") })).statusCode,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await conversationOf("33600000001")).toBeUndefined();
  });

  it("stores a redelivered message once and never lets a late status go backwards", async () => {
    const customer = createSimulatedCustomer({
      sandboxUrl: rig.sandboxUrl,
      waId: "33600000002",
      phoneNumberId: number.phoneNumberId,
    });
    const { messageId } = await customer.send("once");
    const conversation = await eventually(() => conversationOf("33600000002"));
    const delivery = signedDelivery(textMessage("33600000002", messageId, "once"));
    expect((await deliver(delivery)).statusCode).toBe(200);
    expect((await deliver(delivery)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await messagesOf(conversation.id)).length).toBe(1);

    const sent = (
      await api("POST", `/api/v1/conversations/${conversation.id}/messages`, { type: "text", text: "ok" })
    ).json();
    const withId = await eventually(async () =>
      (await messagesOf(conversation.id)).find(
        (message) => message.id === sent.id && message.status === "delivered",
      ),
    );
    const status = (name: string) =>
      signedDelivery({
        statuses: [
          {
            id: (withId as unknown as { providerMessageId: string }).providerMessageId,
            status: name,
            timestamp: String(Math.floor(Date.now() / 1000)),
            recipient_id: "33600000002",
          },
        ],
      });
    await deliver(status("read"));
    await eventually(async () =>
      (await messagesOf(conversation.id)).find(
        (message) => message.id === sent.id && message.status === "read",
      ),
    );
    await deliver(status("delivered"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await messagesOf(conversation.id)).find((message) => message.id === sent.id)?.status).toBe(
      "read",
    );
  });

  it("refuses a free-form reply outside the 24-hour window and on a resolved conversation", async () => {
    const dayAndMore = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await deliver(signedDelivery(textMessage("33600000003", "wamid.old-1", "yesterday", dayAndMore)));
    const conversation = await eventually(() => conversationOf("33600000003"));
    expect(conversation.window.open).toBe(false);
    const refused = await api("POST", `/api/v1/conversations/${conversation.id}/messages`, {
      type: "text",
      text: "late",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json().code).toBe("whatsapp_window_closed");
    expect((await messagesOf(conversation.id)).length).toBe(1);

    await deliver(signedDelivery(textMessage("33600000003", "wamid.new-1", "today")));
    await eventually(async () => (await conversationOf("33600000003"))?.window.open);
    const resolved = await api("PATCH", `/api/v1/conversations/${conversation.id}`, { status: "resolved" });
    expect(resolved.json().status).toBe("resolved");
    const onResolved = await api("POST", `/api/v1/conversations/${conversation.id}/messages`, {
      type: "text",
      text: "hi",
    });
    expect(onResolved.statusCode).toBe(409);
    expect(onResolved.json().code).toBe("conversation_resolved");
  });

  it("keeps internal notes out of WhatsApp and checks mentions", async () => {
    await deliver(signedDelivery(textMessage("33600000004", "wamid.note-1", "hello")));
    const conversation = await eventually(() => conversationOf("33600000004"));
    const note = await api("POST", `/api/v1/conversations/${conversation.id}/notes`, {
      body: "VIP customer",
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ kind: "note", status: "internal" });
    const stranger = await api("POST", `/api/v1/conversations/${conversation.id}/notes`, {
      body: "hi",
      mentions: [crypto.randomUUID()],
    });
    expect(stranger.statusCode).toBe(400);
  });
});

describe("the contact behind a conversation", () => {
  it("moves conversations on merge, exports them and erases them with the contact", async () => {
    await deliver(signedDelivery(textMessage("33600000005", "wamid.gdpr-1", "my address is 1 rue X")));
    const conversation = await eventually(() => conversationOf("33600000005"));
    const survivor = (
      await api("POST", "/api/v1/contacts", { name: "Zoé Martin (CRM)", email: "zoe@example.com" })
    ).json();
    const merged = await api("POST", `/api/v1/contacts/${survivor.id}/merge`, {
      contactIds: [conversation.contact.id],
    });
    expect(merged.statusCode).toBe(200);
    expect((await api("GET", `/api/v1/conversations/${conversation.id}`)).json().contact.id).toBe(
      survivor.id,
    );

    const exported = (await api("GET", `/api/v1/contacts/${survivor.id}/export`)).json();
    expect(exported.other.whatsapp[0].messages[0].body).toBe("my address is 1 rue X");

    expect((await api("POST", `/api/v1/contacts/${survivor.id}/erase`)).statusCode).toBeLessThan(300);
    expect((await api("GET", `/api/v1/conversations/${conversation.id}`)).statusCode).toBe(404);
  });
});

describe("templates in a conversation", () => {
  it("sends an image-header template with body and button variables outside the window, and checks them first", async () => {
    const sync = await api("POST", `/api/v1/channels/whatsapp/${number.channel.id}/templates/sync`);
    expect(sync.statusCode).toBe(202);
    await eventually(async () => {
      const list = (await api("GET", "/api/v1/whatsapp/templates?status=APPROVED")).json();
      return (list.data as { name: string }[]).some((template) => template.name === "order_update");
    });
    const customer = createSimulatedCustomer({
      sandboxUrl: rig.sandboxUrl,
      waId: "33600000006",
      phoneNumberId: number.phoneNumberId,
    });
    await customer.send("hello");
    const conversation = await eventually(() => conversationOf("33600000006"));
    const template = (language: string, body: string[], buttons = [{ index: 0, text: "A-1042" }]) => ({
      type: "template",
      template: {
        name: "order_update",
        language,
        header: { mediaUrl: "https://example.com/box.jpg" },
        body,
        buttons,
      },
    });
    const missing = await api(
      "POST",
      `/api/v1/conversations/${conversation.id}/messages`,
      template("en", ["Amélie"]),
    );
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().errors)).toContain("body.template.body");

    const sent = await api(
      "POST",
      `/api/v1/conversations/${conversation.id}/messages`,
      template("en", ["Amélie", "A-1042"]),
    );
    expect(sent.statusCode).toBe(201);
    expect(sent.json().body).toContain("Amélie");
    await eventually(async () =>
      (await messagesOf(conversation.id)).find(
        (message) => message.id === sent.json().id && message.status === "delivered",
      ),
    );
    const received = (await customer.transcript()).find((entry) => entry.direction === "out");
    expect(received).toBeDefined();

    const upload = async (type: string, name: string) =>
      (
        await rig.harness.app.inject({
          method: "POST",
          url: `/api/v1/media?fileName=${name}`,
          headers: { ...tenant.headers, "content-type": type },
          payload: Buffer.from(`${type} bytes`),
        })
      ).json().id as string;
    const withUpload = (uploadId: string) => ({
      type: "template",
      template: {
        name: "order_update",
        language: "en",
        header: { uploadId },
        body: ["Amélie", "A-1043"],
        buttons: [{ index: 0, text: "A-1043" }],
      },
    });
    const wrongKind = await api(
      "POST",
      `/api/v1/conversations/${conversation.id}/messages`,
      withUpload(await upload("application/pdf", "a.pdf")),
    );
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors[0].field).toBe("body.template.header.uploadId");
    const photo = await api(
      "POST",
      `/api/v1/conversations/${conversation.id}/messages`,
      withUpload(await upload("image/png", "box.png")),
    );
    expect(photo.statusCode).toBe(201);
    await eventually(async () =>
      (await messagesOf(conversation.id)).find(
        (message) => message.id === photo.json().id && message.status === "delivered",
      ),
    );
  });
});

describe("canned replies", () => {
  it("saves replies under unique shortcuts, refuses unknown variables, and renders them for a conversation", async () => {
    const created = await api("POST", "/api/v1/canned-replies", {
      shortcut: "Hello",
      body: "Bonjour {{contact.first_name}} !",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().shortcut).toBe("hello");
    expect(
      (await api("POST", "/api/v1/canned-replies", { shortcut: "HELLO", body: "again" })).statusCode,
    ).toBe(409);
    const unknown = await api("POST", "/api/v1/canned-replies", {
      shortcut: "bye",
      body: "Bye {{agent.name}}",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe("body.body");

    await deliver(signedDelivery(textMessage("33600000007", "wamid.canned-1", "hi")));
    const conversation = await eventually(() => conversationOf("33600000007"));
    const list = (await api("GET", `/api/v1/canned-replies?q=hel&conversationId=${conversation.id}`)).json();
    expect(list.data.map((reply: { rendered: string }) => reply.rendered)).toEqual(["Bonjour Zoé !"]);
  });
});

describe("finding conversations", () => {
  it("searches message text and the customer's number, and filters by the contact's tag", async () => {
    await deliver(
      signedDelivery(
        textMessage("33600000008", "wamid.search-1", "Where is my parcel with the blue umbrella?"),
      ),
    );
    await deliver(signedDelivery(textMessage("33600000009", "wamid.search-2", "Merci beaucoup")));
    const umbrella = await eventually(() => conversationOf("33600000008"));
    await eventually(() => conversationOf("33600000009"));
    const search = async (query: string) =>
      (
        (await api("GET", `/api/v1/conversations?status=active&${query}`)).json().data as {
          id: string;
          customerWaId: string;
        }[]
      ).map((conversation) => conversation.customerWaId);
    expect(await search("q=UMBRELLA")).toEqual(["33600000008"]);
    expect(await search("q=600000009")).toEqual(["33600000009"]);
    expect(await search("q=nothing-like-this")).toEqual([]);
    expect((await api("GET", "/api/v1/conversations?q=ab")).statusCode).toBe(400);

    const tag = (await api("POST", "/api/v1/tags", { name: `Umbrella fans ${Date.now()}` })).json();
    await rig.harness.app.inject({
      method: "PUT",
      url: `/api/v1/contacts/${umbrella.contact.id}/tags/${tag.id}`,
      headers: tenant.headers,
    });
    expect(await search(`tagId=${tag.id}`)).toEqual(["33600000008"]);
  });
});

describe("rotating a number's app secret", () => {
  it("verifies deliveries with the new secret at once and refuses the old one", async () => {
    const other = await createTestTenant(rig.harness.modules, "admin");
    const rotated = await rig.connectNumber(other);
    const delivery = (secret: string) => {
      const body = JSON.stringify({
        object: "whatsapp_business_account",
        entry: [
          {
            id: rotated.wabaId,
            changes: [
              {
                field: "messages",
                value: { metadata: { phone_number_id: rotated.phoneNumberId }, statuses: [] },
              },
            ],
          },
        ],
      });
      return deliver({ body, signature: signWebhookBody(body, secret) });
    };
    expect((await delivery(appSecret)).statusCode).toBe(200);
    const patched = await api(
      "PATCH",
      `/api/v1/channels/whatsapp/${rotated.channel.id}`,
      { appSecret: "a brand new secret" },
      other.headers,
    );
    expect(patched.statusCode).toBe(200);
    expect(JSON.stringify(patched.json())).not.toContain("a brand new secret");
    expect((await delivery(appSecret)).statusCode).toBe(401);
    expect((await delivery("a brand new secret")).statusCode).toBe(200);
  });
});

describe("media", () => {
  it("downloads a customer's photo for agents, and sends an uploaded document within WhatsApp's limits", async () => {
    const customer = createSimulatedCustomer({
      sandboxUrl: rig.sandboxUrl,
      waId: "33600000010",
      phoneNumberId: number.phoneNumberId,
    });
    await customer.sendImage("my broken box");
    const conversation = await eventually(() => conversationOf("33600000010"));
    type WithMedia = Message & {
      media: { id: string; ready: boolean; url: string; mimeType: string } | null;
    };
    const photo = await eventually(async () =>
      ((await messagesOf(conversation.id)) as WithMedia[]).find((message) => message.media?.ready),
    );
    expect(photo.body).toBe("my broken box");
    const file = await rig.harness.app.inject({ url: photo.media?.url ?? "", headers: tenant.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain(photo.media?.mimeType);
    expect(file.rawPayload.length).toBeGreaterThan(0);

    const tooBig = await rig.harness.app.inject({
      method: "POST",
      url: "/api/v1/media?fileName=huge.png",
      headers: { ...tenant.headers, "content-type": "image/png" },
      payload: Buffer.alloc(5 * 1024 * 1024 + 1),
    });
    expect(tooBig.statusCode).toBe(413);
    const upload = await rig.harness.app.inject({
      method: "POST",
      url: "/api/v1/media?fileName=invoice.pdf",
      headers: { ...tenant.headers, "content-type": "application/pdf" },
      payload: Buffer.from("%PDF-1.4 invoice"),
    });
    expect(upload.statusCode).toBe(201);
    expect(upload.json()).toMatchObject({ kind: "document", fileName: "invoice.pdf" });
    const sent = await api("POST", `/api/v1/conversations/${conversation.id}/messages`, {
      type: "document",
      mediaId: upload.json().id,
      caption: "Your invoice",
    });
    expect(sent.statusCode).toBe(201);
    await eventually(async () =>
      (await messagesOf(conversation.id)).find(
        (message) => message.id === sent.json().id && message.status === "delivered",
      ),
    );
    expect(
      (await customer.transcript()).some((entry) => entry.direction === "out" && entry.type === "document"),
    ).toBe(true);
  });
});
