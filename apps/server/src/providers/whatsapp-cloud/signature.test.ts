import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./signature.ts";

const secret = "app-secret-123";
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

describe("webhook signature", () => {
  it("signs with HMAC-SHA256 as Meta does (RFC 4231-style known vector)", () => {
    expect(signWebhookBody("The quick brown fox jumps over the lazy dog", "key")).toBe(
      "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
    );
    expect(signWebhookBody(body, secret)).toBe(signWebhookBody(body.toString("utf8"), secret));
  });

  it("accepts its own signature, in either hex case", () => {
    const header = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(body, header, secret)).toBe(true);
    expect(verifyWebhookSignature(body, `sha256=${header.slice(7).toUpperCase()}`, secret)).toBe(true);
  });

  it("refuses a tampered body and a wrong secret", () => {
    const header = signWebhookBody(body, secret);
    const tampered = Buffer.from(body.toString("utf8").replace("[]", "[{}]"));
    expect(verifyWebhookSignature(tampered, header, secret)).toBe(false);
    expect(verifyWebhookSignature(body, header, "another-secret")).toBe(false);
  });

  it("refuses a missing, malformed or truncated header without throwing", () => {
    const header = signWebhookBody(body, secret);
    for (const bad of [
      undefined,
      "",
      "sha256=",
      "garbage",
      header.slice(7),
      `sha1=${header.slice(7)}`,
      `sha256=${header.slice(7, -2)}`,
      `sha256=${header.slice(7, -1)}`,
      `${header}00`,
      "sha256=zz",
    ]) {
      expect(verifyWebhookSignature(body, bad, secret), String(bad)).toBe(false);
    }
  });
});
