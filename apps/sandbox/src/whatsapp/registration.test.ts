import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneNumberId, startWhatsAppHarness, type WhatsAppHarness, wabaId } from "./test-support.ts";

describe("WhatsApp stand-in: number registration and Graph errors", () => {
  let harness: WhatsAppHarness;
  beforeAll(async () => {
    harness = await startWhatsAppHarness();
  });
  afterAll(() => harness.close());

  it("refuses a callback that fails Meta's verification handshake, and stores nothing", async () => {
    const response = await harness.register({ verifyToken: "not-the-receivers-token" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/could not be verified/);
    const numbers = await harness.sandbox.inject({ url: "/sandbox/whatsapp/numbers" });
    expect(numbers.json()).toEqual({ data: [] });
  });

  it("registers a number after the handshake and lists it without its secrets", async () => {
    const response = await harness.register();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    const listed = (await harness.sandbox.inject({ url: "/sandbox/whatsapp/numbers" })).json().data;
    expect(listed).toEqual([
      expect.objectContaining({
        phoneNumberId,
        wabaId,
        verifiedName: "Sandbox Bakery",
        qualityRating: "GREEN",
      }),
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/sandbox-(access-token|app-secret|verify-token)/);
  });

  it("answers the phone number node with the requested fields", async () => {
    const response = await harness.graph(
      "GET",
      `${phoneNumberId}?fields=verified_name,display_phone_number,quality_rating,messaging_limit_tier,throughput`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      verified_name: "Sandbox Bakery",
      display_phone_number: "+1 555-078-3881",
      quality_rating: "GREEN",
      messaging_limit_tier: "TIER_1K",
      throughput: { level: "STANDARD" },
      id: phoneNumberId,
    });
    const unknownField = await harness.graph("GET", `${phoneNumberId}?fields=colour`);
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.code).toBe(100);
  });

  it("answers 401 OAuthException code 190 without a token or with a wrong one", async () => {
    const missing = await harness.sandbox.inject({ url: `/sandbox/whatsapp/v21.0/${phoneNumberId}` });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({
      error: {
        message: expect.any(String),
        type: "OAuthException",
        code: 190,
        fbtrace_id: expect.any(String),
      },
    });
    const wrong = await harness.graph(
      "POST",
      `${phoneNumberId}/messages`,
      { messaging_product: "whatsapp", to: "33612345678", type: "text", text: { body: "hi" } },
      "someone-elses-token",
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ type: "OAuthException", code: 190 });
  });

  it("answers 400 code 100 for an object that does not exist, with a valid token", async () => {
    const response = await harness.graph("GET", "999999999999999");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: "GraphMethodException",
    });
    expect(response.json().error.message).toContain("999999999999999");
  });

  it("refuses a path that is not a Graph version", async () => {
    const response = await harness.sandbox.inject({
      url: `/sandbox/whatsapp/latest/${phoneNumberId}`,
      headers: { authorization: "Bearer sandbox-access-token" },
    });
    expect(response.statusCode).toBe(400);
  });

  it("forgets a deleted number", async () => {
    const other = "106540352242999";
    expect((await harness.register({}, other)).statusCode).toBe(200);
    const removed = await harness.sandbox.inject({
      method: "DELETE",
      url: `/sandbox/whatsapp/numbers/${other}`,
    });
    expect(removed.json()).toEqual({ ok: true });
    expect((await harness.graph("GET", other)).statusCode).toBe(400);
  });
});
