import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ZodApp } from "../../../platform/module.ts";
import type { WhatsAppIngest } from "./ingest.ts";

const tags = ["webhooks"];
/** Meta's deliveries are small; this bounds what an unsigned sender can make us read. */
const bodyLimit = 1024 * 1024;

export function registerWebhookRoutes(app: ZodApp, ingest: WhatsAppIngest) {
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    // The signature covers the exact bytes: the body is kept raw and parsed after verification.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_request, body, done) =>
      done(null, body),
    );

    scope.get(
      "/webhooks/whatsapp",
      {
        schema: {
          tags,
          summary: "Meta's webhook verification handshake",
          description:
            "Answers `hub.challenge` as text when `hub.verify_token` is the verify token of a connected number; 403 otherwise.",
          querystring: z.object({
            "hub.mode": z.string().optional(),
            "hub.verify_token": z.string().optional(),
            "hub.challenge": z.string().optional(),
          }),
          response: { 200: z.string() },
        },
      },
      async (request, reply) => {
        const challenge = await ingest.verifySubscription({
          mode: request.query["hub.mode"],
          verifyToken: request.query["hub.verify_token"],
          challenge: request.query["hub.challenge"],
        });
        return reply.type("text/plain").send(challenge);
      },
    );

    scope.post(
      "/webhooks/whatsapp",
      {
        schema: {
          tags,
          summary: "WhatsApp Cloud API webhook deliveries (messages, statuses, templates, quality)",
          description:
            "Verifies `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the number's app secret): 401 when missing or wrong, 400 for a body that is not JSON. A verified delivery is stored durably and applied by a background drain; a delivery for a number nobody connected is acknowledged and logged.",
          response: { 200: z.object({ received: z.literal(true) }) },
        },
      },
      async (request) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        await ingest.receive(raw, request.headers["x-hub-signature-256"] as string | undefined);
        return { received: true as const };
      },
    );
  });
}
