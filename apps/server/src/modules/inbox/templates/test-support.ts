import { randomInt } from "node:crypto";
import { createWhatsAppStandIn, sandboxPlugin } from "@sbos/sandbox";
import Fastify from "fastify";

export const accessToken = "templates-test-token";
const appSecret = "templates-test-secret";
const verifyToken = "templates-test-verify";

/** Digits unique per run: a number connects once across organisations, and the PostgreSQL suite shares a database. */
export const nextGraphId = () => `1${Date.now()}${randomInt(100, 999)}`.slice(0, 16);

/**
 * The WhatsApp stand-in (no delays) on a loopback port, with a webhook receiver of its own at
 * `/hook` that answers the subscription handshake and keeps what it is sent: template tests need
 * the provider's answers and webhooks, not the app listening.
 */
export async function startTemplateStandIn() {
  const server = Fastify();
  const webhooks: unknown[] = [];
  server.get<{ Querystring: Record<string, string> }>("/hook", async (request, reply) =>
    reply.type("text/plain").send(request.query["hub.challenge"]),
  );
  server.post("/hook", async (request) => {
    webhooks.push(request.body);
    return { ok: true };
  });
  const standIn = createWhatsAppStandIn({
    delays: { sentMs: 0, deliveredMs: 0, autoReadMs: 0, templateReviewMs: 0, webhookRetryMs: [] },
  });
  await server.register(sandboxPlugin, { prefix: "/sandbox", standIns: [standIn] });
  const origin = await server.listen({ host: "127.0.0.1", port: 0 });
  const graphBaseUrl = `${origin}/sandbox/whatsapp`;

  /** Registers a new number with the stand-in; answers what `POST /api/v1/channels/whatsapp` takes. */
  async function registerNumber() {
    const phoneNumberId = nextGraphId();
    const wabaId = nextGraphId();
    const registered = await server.inject({
      method: "PUT",
      url: `/sandbox/whatsapp/numbers/${phoneNumberId}`,
      payload: {
        wabaId,
        displayPhoneNumber: "+1 555-078-3881",
        verifiedName: "Template Bakery",
        accessToken,
        appSecret,
        verifyToken,
        callbackUrl: `${origin}/hook`,
      },
    });
    if (registered.statusCode !== 200) throw new Error(`sandbox registration failed: ${registered.body}`);
    return { phoneNumberId, wabaId, accessToken, appSecret, verifyToken, apiBaseUrl: graphBaseUrl };
  }

  return { server, graphBaseUrl, webhooks, registerNumber, close: () => server.close() };
}
