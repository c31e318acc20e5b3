import type { FastifyPluginAsync } from "fastify";
import type { StandIn } from "./stand-in.ts";

export type SandboxOptions = { standIns: StandIn[] };

/**
 * The provider sandbox: local stand-ins for the platforms the product talks to (WhatsApp Cloud
 * API, Graph API, LinkedIn, X, TikTok, ads, Stripe), so every flow works without credentials.
 * Mount it at /sandbox inside the server, or run it alone with `sbos sandbox`.
 */
export const sandboxPlugin: FastifyPluginAsync<SandboxOptions> = async (app, options) => {
  app.get("/", { schema: { hide: true } }, async () => ({
    name: "sbos provider sandbox",
    standIns: options.standIns.map(({ name, title, description }) => ({ name, title, description })),
  }));
  app.get("/health", { schema: { hide: true } }, async () => ({ status: "ok" }));
  // A provider that answers slowly, for timeouts, retries and graceful shutdown.
  app.get<{ Querystring: { delayMs?: string; message?: string } }>(
    "/echo",
    { schema: { hide: true } },
    async (request) => {
      const delayMs = Math.min(Number(request.query.delayMs ?? 0) || 0, 30_000);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { message: request.query.message ?? "", delayMs };
    },
  );
  for (const standIn of options.standIns) await app.register(standIn.routes, { prefix: `/${standIn.name}` });
};
