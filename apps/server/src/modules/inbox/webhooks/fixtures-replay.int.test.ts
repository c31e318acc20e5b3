import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { signWebhookBody } from "../../../providers/whatsapp-cloud/index.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";

/**
 * Real webhook deliveries written by others (pywa's test data; origins and licence in SOURCES.md
 * there), read where they are, never copied in. Each is replayed through the real route and drain
 * as if Meta sent it to our number: only the number, the account and the message ids are rewritten
 * (every file uses the same placeholder wamid, which our duplicate check would otherwise drop).
 */
const fixturesDir = "/work/shared/fixtures/whatsapp";
const present = existsSync(fixturesDir);
if (!present) {
  console.warn(
    `whatsapp webhook fixtures-replay: SKIPPED, the third-party fixtures are absent (${fixturesDir} does not exist).`,
  );
}

const appSecret = "fixture-replay-secret";
let harness: TestApp;
let tenant: TestTenant;
const phoneNumberId = `5${Date.now()}`.slice(0, 15);
const wabaId = `4${Date.now()}`.slice(0, 15);

async function webhookFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return webhookFiles(full);
      const isWebhook = entry.name.endsWith(".json") && !/^(send_|error_)/.test(entry.name);
      return Promise.resolve(isWebhook ? [full] : []);
    }),
  );
  return nested.flat().sort();
}

// biome-ignore lint/suspicious/noExplicitAny: a third-party payload, rewritten in place.
function addressToUs(payload: any, suffix: string) {
  for (const entry of payload.entry ?? []) {
    entry.id = wabaId;
    for (const change of entry.changes ?? []) {
      const value = change.value ?? {};
      if (value.metadata) value.metadata.phone_number_id = phoneNumberId;
      for (const message of value.messages ?? []) message.id = `${message.id}.${suffix}`;
    }
  }
  return payload;
}

beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
  const connected = await harness.app.inject({
    method: "POST",
    url: "/api/v1/channels/whatsapp",
    headers: tenant.headers,
    payload: {
      phoneNumberId,
      wabaId,
      accessToken: "t",
      appSecret,
      verifyToken: "fixture-verify",
      apiBaseUrl: "http://127.0.0.1:9",
    },
  });
  expect(connected.statusCode).toBe(201);
});
afterAll(() => harness?.close());

describe.skipIf(!present)(
  "Meta's webhook deliveries from the shared fixtures, through the route and the drain",
  () => {
    it("applies every one: messages of every type stored (unknown ones as unsupported), nothing left failing", async () => {
      const files = await webhookFiles(fixturesDir);
      expect(files.length).toBeGreaterThan(30);
      const expectedTypes = new Map<string, string>();
      for (const file of files) {
        const name = path.relative(fixturesDir, file).replace(/\W/g, "_");
        const payload = addressToUs(JSON.parse(await readFile(file, "utf8")), name);
        for (const entry of payload.entry) {
          for (const change of entry.changes) {
            // A message Meta could not render (its `errors` set, at the message or the change) is kept as unsupported.
            const unrenderable = (message: { errors?: unknown; [type: string]: unknown }) =>
              Boolean(message.errors ?? change.value?.errors) ||
              message[message.type as string] === undefined;
            for (const message of change.value?.messages ?? []) {
              expectedTypes.set(message.id, unrenderable(message) ? "unsupported" : message.type);
            }
          }
        }
        const body = JSON.stringify(payload);
        const answer = await harness.app.inject({
          method: "POST",
          url: "/webhooks/whatsapp",
          headers: {
            "content-type": "application/json",
            "x-hub-signature-256": signWebhookBody(body, appSecret),
          },
          payload: body,
        });
        expect(answer.statusCode, file).toBe(200);
      }
      await harness.modules.inbox.drainDeliveries();

      const left = await harness.database.db.execute<{ count: number; errors: string | null }>(
        sql`select count(*)::int as count, string_agg(last_error, '; ') as errors from sbos_whatsapp_inbound where tenant_id = ${tenant.tenantId}`,
      );
      expect(left.rows[0]).toEqual({ count: 0, errors: null });
      const stored = await withTenant(harness.database.db, tenant.tenantId, (tx) =>
        tx.execute<{ provider_message_id: string; type: string }>(
          sql`select provider_message_id, type from messages where tenant_id = ${tenant.tenantId}`,
        ),
      );
      const storedTypes = new Map(stored.rows.map((row) => [row.provider_message_id, row.type]));
      for (const [wamid, type] of expectedTypes) {
        const known = [
          "text",
          "image",
          "video",
          "audio",
          "document",
          "sticker",
          "location",
          "contacts",
          "interactive",
          "button",
          "reaction",
          "order",
          "system",
        ];
        expect(storedTypes.get(wamid), wamid).toBe(known.includes(type) ? type : "unsupported");
      }
    });
  },
);
