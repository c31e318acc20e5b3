import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  phoneNumberId,
  startWhatsAppHarness,
  type WhatsAppHarness,
  wabaId,
  waitFor,
} from "./test-support.ts";

const customer = "33612345678";

describe("WhatsApp stand-in: messages, statuses and the simulated customer", () => {
  let harness: WhatsAppHarness;
  beforeAll(async () => {
    harness = await startWhatsAppHarness();
    expect((await harness.register()).statusCode).toBe(200);
  });
  afterAll(() => harness.close());

  const sendText = (to: string, extra: object = {}) =>
    harness.graph("POST", `${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "text",
      text: { body: "Your bread is ready" },
      ...extra,
    });

  it("delivers a customer's text as Meta's signed inbound webhook", async () => {
    const response = await harness.customerSays(customer, { name: "Camille Martin", text: "Bonjour !" });
    expect(response.statusCode).toBe(200);
    const { messageId } = response.json();
    expect(messageId).toMatch(/^wamid\./);
    const webhook = await waitFor(() =>
      harness.receiver.received.find(
        (item) => item.payload.entry[0]?.changes[0]?.value.messages?.[0]?.id === messageId,
      ),
    );
    expect(webhook.signatureValid).toBe(true);
    expect(webhook.userAgent).toBe("facebookexternalua");
    expect(webhook.payload).toEqual({
      object: "whatsapp_business_account",
      entry: [
        {
          id: wabaId,
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "15550783881", phone_number_id: phoneNumberId },
                contacts: [{ profile: { name: "Camille Martin" }, wa_id: customer }],
                messages: [
                  {
                    from: customer,
                    id: messageId,
                    timestamp: expect.stringMatching(/^\d{10}$/),
                    type: "text",
                    text: { body: "Bonjour !" },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
  });

  it("accepts a text in the service window and sends signed sent then delivered statuses", async () => {
    const response = await sendText(`+${customer}`, { biz_opaque_callback_data: "conversation-42" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: `+${customer}`, wa_id: customer }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]+$/) }],
    });
    const messageId = body.messages[0].id;
    const statuses = await waitFor(() => {
      const found = harness.statusesOf(messageId);
      return found.length >= 2 && found;
    });
    expect(statuses.map((status: { status: string }) => status.status)).toEqual(["sent", "delivered"]);
    const [sent, delivered] = statuses;
    expect(sent).toEqual({
      id: messageId,
      status: "sent",
      timestamp: expect.stringMatching(/^\d{10}$/),
      recipient_id: customer,
      biz_opaque_callback_data: "conversation-42",
      conversation: {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        expiration_timestamp: expect.stringMatching(/^\d{10}$/),
        origin: { type: "service" },
      },
      pricing: { billable: true, pricing_model: "CBP", category: "service" },
    });
    expect(delivered).toMatchObject({ status: "delivered", biz_opaque_callback_data: "conversation-42" });
    expect(delivered.conversation).toEqual({ id: sent.conversation.id, origin: { type: "service" } });
    const signatures = harness.receiver.received.filter((item) =>
      item.payload.entry[0]?.changes[0]?.value.statuses?.some(
        (status: { id: string }) => status.id === messageId,
      ),
    );
    expect(signatures.every((item) => item.signatureValid)).toBe(true);
  });

  it("sends read when the customer reads, once", async () => {
    const messageId = (await sendText(customer)).json().messages[0].id;
    await waitFor(() =>
      harness.statusesOf(messageId).some((status: { status: string }) => status.status === "delivered"),
    );
    const read = await harness.sandbox.inject({
      method: "POST",
      url: `/sandbox/whatsapp/customers/${customer}/read`,
    });
    expect(read.json().read).toBeGreaterThanOrEqual(1);
    await waitFor(() =>
      harness.statusesOf(messageId).some((status: { status: string }) => status.status === "read"),
    );
    await harness.sandbox.inject({ method: "POST", url: `/sandbox/whatsapp/customers/${customer}/read` });
    const reads = harness
      .statusesOf(messageId)
      .filter((status: { status: string }) => status.status === "read");
    expect(reads).toHaveLength(1);
    const transcript = await harness.sandbox.inject({
      url: `/sandbox/whatsapp/customers/${customer}/conversation`,
    });
    expect(transcript.json().data.find((line: { id: string }) => line.id === messageId)).toMatchObject({
      direction: "out",
      type: "text",
      text: "Your bread is ready",
      status: "read",
    });
  });

  it("fails with 131047 when the customer never wrote (Meta still answers 200)", async () => {
    const response = await sendText("33698765432");
    expect(response.statusCode).toBe(200);
    const messageId = response.json().messages[0].id;
    const [failed] = await waitFor(() => {
      const found = harness.statusesOf(messageId);
      return found.length > 0 && found;
    });
    expect(failed).toMatchObject({ status: "failed", recipient_id: "33698765432" });
    expect(failed.errors).toEqual([
      {
        code: 131047,
        title: "Re-engagement message",
        message: "Re-engagement message",
        error_data: {
          details:
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        },
        href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
      },
    ]);
    expect(failed.conversation).toBeUndefined();
  });

  it("never delivers to the undeliverable test number, even after it wrote", async () => {
    await harness.customerSays("15550000000", { text: "test" });
    const messageId = (await sendText("15550000000")).json().messages[0].id;
    const [failed] = await waitFor(() => {
      const found = harness.statusesOf(messageId);
      return found.length > 0 && found;
    });
    expect(failed.status).toBe("failed");
    expect(failed.errors[0]).toMatchObject({ code: 131026, title: "Message undeliverable" });
  });

  it("refuses malformed sends with 400 code 100", async () => {
    const missingTo = await harness.graph("POST", `${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      type: "text",
      text: { body: "hi" },
    });
    expect(missingTo.statusCode).toBe(400);
    expect(missingTo.json().error).toMatchObject({ code: 100, type: "OAuthException" });
    expect(missingTo.json().error.message).toContain("to");
    const unknownType = await sendText(customer, { type: "hologram" });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().error.code).toBe(100);
    const emptyText = await sendText(customer, { text: {} });
    expect(emptyText.statusCode).toBe(400);
  });

  it("marks the customer's message read with Meta's read form", async () => {
    const { messageId } = (await harness.customerSays(customer, { text: "Are you open?" })).json();
    const response = await harness.graph("POST", `${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      status: "read",
      message_id: messageId,
    });
    expect(response.json()).toEqual({ success: true });
    const transcript = await harness.sandbox.inject({
      url: `/sandbox/whatsapp/customers/${customer}/conversation`,
    });
    expect(transcript.json().data.find((line: { id: string }) => line.id === messageId).status).toBe("read");
  });

  it("sends an image message from the customer with media the product can fetch", async () => {
    const { messageId } = (await harness.customerSays(customer, { type: "image", text: "my order" })).json();
    const webhook = await waitFor(() =>
      harness.receiver.received.find(
        (item) => item.payload.entry[0]?.changes[0]?.value.messages?.[0]?.id === messageId,
      ),
    );
    const image = webhook.payload.entry[0]?.changes[0]?.value.messages[0].image;
    expect(image).toEqual({
      caption: "my order",
      mime_type: "image/png",
      sha256: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      id: expect.stringMatching(/^\d+$/),
    });
    const info = await harness.graph("GET", image.id);
    expect(info.statusCode).toBe(200);
    expect(info.json().mime_type).toBe("image/png");
  });

  it("answers a template's quick reply with Meta's button message and its context", async () => {
    const template = await harness.graph("POST", `${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      to: customer,
      type: "template",
      template: { name: "hello_world", language: { code: "en_US" } },
    });
    const templateId = template.json().messages[0].id;
    await harness.customerSays(customer, { type: "text", text: "noise" });
    const { messageId } = (
      await harness.customerSays(customer, { type: "button", text: "Stop updates", payload: "STOP" })
    ).json();
    const webhook = await waitFor(() =>
      harness.receiver.received.find(
        (item) => item.payload.entry[0]?.changes[0]?.value.messages?.[0]?.id === messageId,
      ),
    );
    expect(webhook.payload.entry[0]?.changes[0]?.value.messages[0]).toEqual({
      context: { from: "15550783881", id: templateId },
      from: customer,
      id: messageId,
      timestamp: expect.any(String),
      type: "button",
      button: { payload: "STOP", text: "Stop updates" },
    });
  });

  it("reads replies by itself on a number registered with autoRead", async () => {
    expect((await harness.register({ autoRead: true }, "106540352243000")).statusCode).toBe(200);
    await harness.customerSays(customer, { phoneNumberId: "106540352243000", text: "hi" });
    const messageId = (
      await harness.graph("POST", "106540352243000/messages", {
        messaging_product: "whatsapp",
        to: customer,
        text: { body: "hello" },
      })
    ).json().messages[0].id;
    await waitFor(() => harness.statusesOf(messageId).length === 3);
    expect(harness.statusesOf(messageId).map((status: { status: string }) => status.status)).toEqual([
      "sent",
      "delivered",
      "read",
    ]);
  });

  it("retries a webhook the product refused, and logs the attempts", async () => {
    harness.receiver.failNext(2);
    const { messageId } = (await harness.customerSays(customer, { text: "retry me" })).json();
    await waitFor(() =>
      harness.receiver.received.some(
        (item) => item.payload.entry[0]?.changes[0]?.value.messages?.[0]?.id === messageId,
      ),
    );
    const deliveries = await harness.sandbox.inject({ url: "/sandbox/whatsapp/deliveries?limit=5" });
    const delivery = deliveries
      .json()
      .data.find((item: { summary: string }) => item.summary === `text from ${customer}`);
    expect(delivery).toMatchObject({ ok: true, statusCode: 200, attempts: 3, field: "messages" });
  });
});
