import type { FastifyError, FastifyPluginAsync } from "fastify";
import { defineStandIn, type StandIn } from "../stand-in.ts";
import { createWhatsAppContext, type WhatsAppSandboxOptions } from "./context.ts";
import { registerCustomerRoutes } from "./customer-routes.ts";
import { graphFailure, HttpFailure, sandboxFailure } from "./failures.ts";
import { registerGraphObjectRoutes } from "./graph-object-routes.ts";
import { registerMediaRoutes } from "./media.ts";
import { registerMessageRoutes } from "./message-routes.ts";
import { registerNumberRoutes } from "./number-routes.ts";
import { registerTemplateRoutes } from "./template-routes.ts";
import { presentDelivery } from "./webhooks.ts";

/** Fastify's own refusals (bad JSON, body too large) in the caller's dialect: Graph's error body or `{error}`. */
function toHttpFailure(error: FastifyError, graphRoute: boolean) {
  if (error instanceof HttpFailure) return error;
  const statusCode = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
  return graphRoute
    ? graphFailure(statusCode, { message: error.message, code: statusCode === 500 ? 1 : 100 })
    : sandboxFailure(statusCode, error.message);
}

/** Every route of the WhatsApp stand-in; each registration has its own state and timers. */
export const whatsappSandboxRoutes: FastifyPluginAsync<WhatsAppSandboxOptions> = async (app, options) => {
  const context = createWhatsAppContext(options, app.log);
  app.addHook("onClose", async () => context.tasks.close());
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const failure = toHttpFailure(error, request.routeOptions.url?.includes("/:version/") ?? false);
    if (failure.statusCode >= 500) request.log.error({ err: error }, "whatsapp sandbox failed");
    return reply.code(failure.statusCode).send(failure.body);
  });

  app.get("/", async () => ({
    name: "WhatsApp Cloud API stand-in",
    graph: `${app.prefix}/{version}/...`,
    customerPage: `${app.prefix}/customer`,
    numbers: context.state.numbers.size,
  }));
  app.get<{ Querystring: { limit?: string } }>("/deliveries", async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit) || 50, 1), 200);
    return { data: context.state.deliveries.slice(0, limit).map(presentDelivery) };
  });

  registerNumberRoutes(app, context);
  registerMessageRoutes(app, context);
  registerTemplateRoutes(app, context);
  registerMediaRoutes(app, context);
  registerGraphObjectRoutes(app, context);
  registerCustomerRoutes(app, context);
};

/** The stand-in as the sandbox lists it; tests pass `delays` of 0 and may share `state`. */
export function createWhatsAppStandIn(options: WhatsAppSandboxOptions = {}): StandIn {
  return defineStandIn({
    name: "whatsapp",
    title: "WhatsApp Cloud API",
    description:
      "Meta's Cloud API at /sandbox/whatsapp/{version}/... with signed webhooks, templates, media and a simulated customer (/sandbox/whatsapp/customer). Numbers are registered with PUT /sandbox/whatsapp/numbers/{id}. Recipients 1555000 followed only by zeros (e.g. 15550000000) always fail with 131026; template names containing “reject” are rejected.",
    routes: (app) => whatsappSandboxRoutes(app, options),
  });
}
