import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Meta signs each webhook delivery with the app secret and sends `X-Hub-Signature-256: sha256=<hex>`
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads).
 * The HMAC covers the raw bytes, so the body must be checked before any JSON parsing.
 */
export function signWebhookBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

export function verifyWebhookSignature(
  rawBody: Buffer,
  header: string | undefined,
  appSecret: string,
): boolean {
  const hex = /^sha256=([0-9a-f]+)$/i.exec(header?.trim() ?? "")?.[1];
  if (!hex) return false;
  const given = Buffer.from(hex, "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
