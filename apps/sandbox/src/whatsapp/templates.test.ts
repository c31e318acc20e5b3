import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  phoneNumberId,
  startWhatsAppHarness,
  type WhatsAppHarness,
  wabaId,
  waitFor,
} from "./test-support.ts";

const shippingTemplate = (name: string) => ({
  name,
  language: "fr",
  category: "UTILITY",
  components: [
    {
      type: "BODY",
      text: "Bonjour {{1}}, votre colis {{2}} est parti.",
      example: { body_text: [["Camille", "A42"]] },
    },
    { type: "FOOTER", text: "La Boulangerie" },
  ],
});

describe("WhatsApp stand-in: message templates", () => {
  let harness: WhatsAppHarness;
  beforeAll(async () => {
    harness = await startWhatsAppHarness();
    expect((await harness.register()).statusCode).toBe(200);
  });
  afterAll(() => harness.close());

  const templateEvents = () =>
    harness.receiver.received
      .flatMap((webhook) => webhook.payload.entry)
      .filter((entry) => entry.changes[0]?.field === "message_template_status_update");

  it("seeds hello_world and order_update, approved, in Meta's format and pages them", async () => {
    const firstPage = await harness.graph("GET", `${wabaId}/message_templates?limit=1`);
    expect(firstPage.statusCode).toBe(200);
    const body = firstPage.json();
    expect(body.data).toEqual([
      {
        name: "hello_world",
        parameter_format: "POSITIONAL",
        components: [{ type: "BODY", text: expect.stringContaining("Welcome and congratulations") }],
        language: "en_US",
        status: "APPROVED",
        category: "UTILITY",
        id: expect.stringMatching(/^\d+$/),
      },
    ]);
    expect(body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    expect(body.paging.next).toContain("/sandbox/whatsapp/v21.0/");
    const secondPage = await harness.graph(
      "GET",
      `${wabaId}/message_templates?limit=1&after=${body.paging.cursors.after}`,
    );
    const orderUpdate = secondPage.json().data[0];
    expect(orderUpdate).toMatchObject({ name: "order_update", language: "en", status: "APPROVED" });
    expect(orderUpdate.components.map((component: { type: string }) => component.type)).toEqual([
      "HEADER",
      "BODY",
      "BUTTONS",
    ]);
    expect(orderUpdate.components[0].format).toBe("IMAGE");
    expect(orderUpdate.components[2].buttons.map((button: { type: string }) => button.type)).toEqual([
      "URL",
      "QUICK_REPLY",
    ]);
  });

  it("creates a template as PENDING, then approves it with a signed webhook", async () => {
    const created = await harness.graph(
      "POST",
      `${wabaId}/message_templates`,
      shippingTemplate("shipping_notice"),
    );
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({
      id: expect.stringMatching(/^\d+$/),
      status: "PENDING",
      category: "UTILITY",
    });
    const event = await waitFor(() =>
      templateEvents().find((entry) => entry.changes[0]?.value.message_template_name === "shipping_notice"),
    );
    expect(event).toEqual({
      id: wabaId,
      time: expect.any(Number),
      changes: [
        {
          field: "message_template_status_update",
          value: {
            event: "APPROVED",
            message_template_id: Number(created.json().id),
            message_template_name: "shipping_notice",
            message_template_language: "fr",
            reason: "NONE",
            message_template_category: "UTILITY",
          },
        },
      ],
    });
  });

  it("rejects a template whose name contains reject with INVALID_FORMAT", async () => {
    await harness.graph("POST", `${wabaId}/message_templates`, shippingTemplate("please_reject_me"));
    const event = await waitFor(() =>
      templateEvents().find((entry) => entry.changes[0]?.value.message_template_name === "please_reject_me"),
    );
    expect(event.changes[0]?.value).toMatchObject({ event: "REJECTED", reason: "INVALID_FORMAT" });
  });

  it("validates the create body like Meta", async () => {
    const invalid = [
      { ...shippingTemplate("Shipping Notice") },
      { ...shippingTemplate("bad_category"), category: "TRANSACTIONAL" },
      { ...shippingTemplate("no_body"), components: [{ type: "FOOTER", text: "x" }] },
      { ...shippingTemplate("no_examples"), components: [{ type: "BODY", text: "Hi {{1}}" }] },
      shippingTemplate("shipping_notice"),
    ];
    for (const body of invalid) {
      const response = await harness.graph("POST", `${wabaId}/message_templates`, body);
      expect(response.statusCode, body.name).toBe(400);
      expect(response.json().error).toMatchObject({ code: 100, error_user_msg: expect.any(String) });
    }
  });

  it("fails a send of a template that does not exist with 132001", async () => {
    const response = await harness.graph("POST", `${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      to: "33611111111",
      type: "template",
      template: { name: "no_such_template", language: { code: "en_US" } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().messages[0].message_status).toBe("accepted");
    const [failed] = await waitFor(() => {
      const found = harness.statusesOf(response.json().messages[0].id);
      return found.length > 0 && found;
    });
    expect(failed.status).toBe("failed");
    expect(failed.errors[0]).toMatchObject({
      code: 132001,
      title: "Template name does not exist in the translation",
      error_data: { details: "template name (no_such_template) does not exist in en_US" },
    });
  });

  it("delivers an approved template outside the service window, rendered in the transcript", async () => {
    const response = await harness.graph("POST", `${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      to: "33622222222",
      type: "template",
      template: {
        name: "order_update",
        language: { code: "en" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { link: "https://example.com/box.jpg" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Camille" },
              { type: "text", text: "#1042" },
            ],
          },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "1042" }] },
        ],
      },
    });
    const messageId = response.json().messages[0].id;
    const statuses = await waitFor(() => {
      const found = harness.statusesOf(messageId);
      return found.length >= 2 && found;
    });
    expect(statuses[1]).toMatchObject({ status: "delivered", pricing: { category: "utility" } });
    const transcript = await harness.sandbox.inject({
      url: "/sandbox/whatsapp/customers/33622222222/conversation",
    });
    expect(transcript.json().data[0]).toMatchObject({
      template: "order_update",
      text: "Hi Camille, your order #1042 is on its way.",
    });
  });
});
