import { createHmac, timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { sandboxPlugin } from "../sandbox.ts";
import { createWhatsAppStandIn } from "./whatsapp-stand-in.ts";

type ReceivedWebhook = { payload: WebhookPayload; signatureValid: boolean; userAgent?: string };

type WebhookPayload = {
  object: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read deep into Meta's payloads.
  entry: { id: string; time?: number; changes: { field: string; value: any }[] }[];
};

export const appSecret = "sandbox-app-secret";
export const verifyToken = "sandbox-verify-token";
export const accessToken = "sandbox-access-token";

/** The product's side, written from Meta's documentation alone: the handshake and the signature check. */
async function startReceiver() {
  const received: ReceivedWebhook[] = [];
  let failuresLeft = 0;
  const app = Fastify();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) =>
    done(null, body),
  );
  app.get<{ Querystring: Record<string, string> }>("/webhook", async (request, reply) => {
    const query = request.query;
    if (query["hub.mode"] !== "subscribe" || query["hub.verify_token"] !== verifyToken)
      return reply.code(403).send("forbidden");
    return reply.type("text/plain").send(query["hub.challenge"]);
  });
  app.post("/webhook", async (request, reply) => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      return reply.code(500).send({ error: "scripted failure" });
    }
    const raw = request.body as string;
    const expected = Buffer.from(`sha256=${createHmac("sha256", appSecret).update(raw).digest("hex")}`);
    const given = Buffer.from(String(request.headers["x-hub-signature-256"] ?? ""));
    received.push({
      payload: JSON.parse(raw),
      signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
      userAgent: request.headers["user-agent"],
    });
    return { ok: true };
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    app,
    url: `${address}/webhook`,
    received,
    failNext: (count: number) => {
      failuresLeft = count;
    },
  };
}

export async function waitFor<T>(find: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error("waitFor: timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const phoneNumberId = "106540352242922";
export const wabaId = "102290129340398";

/** The sandbox (all delays 0) and a product webhook receiver, both listening on loopback. */
export async function startWhatsAppHarness() {
  const receiver = await startReceiver();
  const sandbox: FastifyInstance = Fastify();
  const standIn = createWhatsAppStandIn({
    delays: { sentMs: 0, deliveredMs: 0, autoReadMs: 0, templateReviewMs: 0, webhookRetryMs: [0, 0, 0] },
  });
  await sandbox.register(sandboxPlugin, { prefix: "/sandbox", standIns: [standIn] });
  const origin = await sandbox.listen({ host: "127.0.0.1", port: 0 });

  const registration = (overrides: Record<string, unknown> = {}) => ({
    wabaId,
    displayPhoneNumber: "+1 555-078-3881",
    verifiedName: "Sandbox Bakery",
    accessToken,
    appSecret,
    verifyToken,
    callbackUrl: receiver.url,
    ...overrides,
  });
  const register = (overrides: Record<string, unknown> = {}, id = phoneNumberId) =>
    sandbox.inject({
      method: "PUT",
      url: `/sandbox/whatsapp/numbers/${id}`,
      payload: registration(overrides),
    });

  const graph = (method: "GET" | "POST" | "DELETE", path: string, payload?: object, token = accessToken) =>
    sandbox.inject({
      method,
      url: `/sandbox/whatsapp/v21.0/${path}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload && { payload }),
    });

  const customerSays = (waId: string, body: object) =>
    sandbox.inject({ method: "POST", url: `/sandbox/whatsapp/customers/${waId}/messages`, payload: body });

  const statusesOf = (messageId: string) =>
    receiver.received
      .flatMap((webhook) => webhook.payload.entry[0]?.changes[0]?.value.statuses ?? [])
      .filter((status: { id: string }) => status.id === messageId);

  return {
    sandbox,
    sandboxUrl: `${origin}/sandbox`,
    receiver,
    register,
    graph,
    customerSays,
    statusesOf,
    close: async () => {
      await sandbox.close();
      await receiver.app.close();
    },
  };
}

export type WhatsAppHarness = Awaited<ReturnType<typeof startWhatsAppHarness>>;
