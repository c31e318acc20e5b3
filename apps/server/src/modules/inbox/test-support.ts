import { createWhatsAppStandIn, sandboxPlugin } from "@sbos/sandbox";
import Fastify from "fastify";
import { createWorker } from "../../platform/queue/worker.ts";
import { silentLogger, startTestApp, type TestTenant } from "../../test/harness.ts";

export const appSecret = "test-app-secret";
export const verifyToken = "test-verify-token";
const accessToken = "test-access-token";

let numbers = 0;
/** A phone number id of its own for each connection, so test files never share a route. */
export const nextPhoneNumberId = () => `${Date.now()}${String(numbers++).padStart(3, "0")}`.slice(-15);

/**
 * The inbox end to end: the real app listening on a port (the sandbox calls its webhook), the
 * WhatsApp stand-in with no delays, the webhook drain and a worker for the inbox's jobs.
 */
export async function startInboxRig() {
  const sandbox = Fastify();
  await sandbox.register(sandboxPlugin, {
    prefix: "/sandbox",
    standIns: [
      createWhatsAppStandIn({
        delays: { sentMs: 0, deliveredMs: 0, autoReadMs: 0, templateReviewMs: 0, webhookRetryMs: [50, 200] },
      }),
    ],
  });
  const sandboxUrl = `${await sandbox.listen({ host: "127.0.0.1", port: 0 })}/sandbox`;
  const harness = await startTestApp();
  const appUrl = await harness.app.listen({ host: "127.0.0.1", port: 0 });
  const inbox = harness.modules.inbox.module;
  const consumers = await Promise.all((inbox.consumers ?? []).map((consumer) => consumer.start()));
  const worker = createWorker({
    database: harness.database,
    logger: silentLogger,
    registrations: inbox.jobs ?? [],
    concurrency: 4,
    pollIntervalMs: 100,
  });
  await worker.start();

  /** Connects a number through the API and registers it with the stand-in (which checks the handshake). */
  async function connectNumber(tenant: TestTenant, phoneNumberId = nextPhoneNumberId()) {
    const wabaId = `9${phoneNumberId}`.slice(0, 15);
    const connected = await harness.app.inject({
      method: "POST",
      url: "/api/v1/channels/whatsapp",
      headers: tenant.headers,
      payload: {
        phoneNumberId,
        wabaId,
        accessToken,
        appSecret,
        verifyToken,
        apiBaseUrl: `${sandboxUrl}/whatsapp`,
      },
    });
    if (connected.statusCode !== 201) throw new Error(`connect failed: ${connected.body}`);
    const registered = await fetch(`${sandboxUrl}/whatsapp/numbers/${phoneNumberId}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        wabaId,
        displayPhoneNumber: `+1 555 ${phoneNumberId.slice(-7)}`,
        verifiedName: "Test Shop",
        accessToken,
        appSecret,
        verifyToken,
        callbackUrl: `${appUrl}/webhooks/whatsapp`,
      }),
    });
    if (!registered.ok) throw new Error(`sandbox registration failed: ${await registered.text()}`);
    return { channel: connected.json() as { id: string }, phoneNumberId, wabaId };
  }

  return {
    harness,
    sandboxUrl,
    appUrl,
    connectNumber,
    close: async () => {
      await worker.stop(2_000);
      await Promise.all(consumers.map((consumer) => consumer.stop(2_000)));
      await sandbox.close();
      await harness.close();
    },
  };
}

/** Polls until `find` answers something (or fails the test after `timeoutMs`). */
export async function eventually<T>(
  find: () => Promise<T | undefined | false | null>,
  timeoutMs = 5_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
