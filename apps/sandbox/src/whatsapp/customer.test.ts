import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulatedCustomer } from "./simulated-customer.ts";
import { phoneNumberId, startWhatsAppHarness, type WhatsAppHarness, waitFor } from "./test-support.ts";

describe("WhatsApp stand-in: the simulated customer", () => {
  let harness: WhatsAppHarness;
  beforeAll(async () => {
    harness = await startWhatsAppHarness();
    expect((await harness.register()).statusCode).toBe(200);
  });
  afterAll(() => harness.close());

  it("serves the customer page with its test ids and a same-origin script", async () => {
    const page = await harness.sandbox.inject({ url: "/sandbox/whatsapp/customer" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    for (const testId of [
      "customer-number",
      "customer-phone",
      "customer-name",
      "customer-input",
      "customer-send",
      "customer-transcript",
    ])
      expect(page.body).toContain(`data-testid="${testId}"`);
    expect(page.body).toContain('value="+33 6 12 34 56 78"');
    expect(page.body).toContain('<script src="customer.js"');
    const script = await harness.sandbox.inject({ url: "/sandbox/whatsapp/customer.js" });
    expect(script.headers["content-type"]).toContain("javascript");
    expect(script.body).toContain('"customer-message"');
    expect(script.body).toContain("visibilityState");
  });

  it("talks both ways through the typed client", async () => {
    const customer = createSimulatedCustomer({
      sandboxUrl: harness.sandboxUrl,
      waId: "+33 6 55 44 33 22",
      name: "Léa",
    });
    expect(customer.waId).toBe("33655443322");
    const { messageId } = await customer.send("Une baguette, svp");
    await customer.sendImage("la commande");

    const reply = await harness.graph("POST", `${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      to: customer.waId,
      type: "text",
      text: { body: "C'est noté" },
      context: { message_id: messageId },
    });
    const replyId = reply.json().messages[0].id;
    // Read while still on its way: read must follow delivered, never precede it.
    await customer.markRead();
    await waitFor(() =>
      harness.statusesOf(replyId).some((status: { status: string }) => status.status === "read"),
    );
    expect(harness.statusesOf(replyId).map((status: { status: string }) => status.status)).toEqual([
      "sent",
      "delivered",
      "read",
    ]);

    const transcript = await customer.transcript();
    expect(
      transcript.map(({ direction, type, text, status }) => ({ direction, type, text, status })),
    ).toEqual([
      { direction: "in", type: "text", text: "Une baguette, svp", status: "received" },
      { direction: "in", type: "image", text: "la commande", status: "received" },
      { direction: "out", type: "text", text: "C'est noté", status: "read" },
    ]);
    expect(transcript[1]?.mediaId).toMatch(/^\d+$/);
  });

  it("answers a clear error when no number is registered", async () => {
    await harness.sandbox.inject({ method: "DELETE", url: `/sandbox/whatsapp/numbers/${phoneNumberId}` });
    const customer = createSimulatedCustomer({ sandboxUrl: harness.sandboxUrl, waId: "33600000001" });
    await expect(customer.send("hello?")).rejects.toThrow(/No WhatsApp number is registered/);
  });
});
