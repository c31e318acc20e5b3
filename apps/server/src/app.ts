import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import cors from "@fastify/cors";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";

import { registerApiConventions } from "./platform/http/api-conventions.ts";
import { registerAuthentication } from "./platform/http/auth.ts";
import { registerHealthRoutes } from "./platform/http/health.ts";
import { registerIdempotency } from "./platform/http/idempotency.ts";
import { registerOpenApi } from "./platform/http/openapi.ts";
import { registerProblemHandler } from "./platform/http/problem-handler.ts";
import { registerSecurityHeaders } from "./platform/http/security-headers.ts";
import { registerWebApp } from "./platform/http/web.ts";
import type { Metrics } from "./platform/metrics.ts";
import type { AppContext, Module } from "./platform/module.ts";
import { registerRealtime } from "./platform/realtime.ts";

export type AppOptions = {
  context: AppContext;
  modules: Module[];
  metrics: Metrics;
  /** The provider sandbox, mounted at /sandbox when the server runs without real credentials. */
  sandbox?: FastifyPluginAsync;
};

const requestIdPattern = /^[\w\-.:]{1,128}$/;

/** The HTTP server: platform plugins first, then every module's routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { context, modules, metrics } = options;
  const { config, database } = context;
  const app = Fastify({
    loggerInstance: context.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    // While shutting down, a kept-alive connection would hold the process open after its last answer.
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });

  registerSecurityHeaders(app);
  await app.register(cookie);
  if (config.corsOrigins.length > 0)
    await app.register(cors, { origin: config.corsOrigins, credentials: true });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await registerOpenApi(app);

  registerApiConventions(app);
  registerProblemHandler(app);
  registerAuthentication(
    app,
    modules.flatMap((module) => module.authenticators ?? []),
    {
      store: context.rateLimits,
      perApiKey: config.rateLimits.apiKeyPerMinute,
      perOrganization: config.rateLimits.organizationPerMinute,
    },
  );
  registerIdempotency(app, database.db);
  registerHealthRoutes(app, database, metrics);
  await registerRealtime(app, database);

  for (const module of modules) module.registerRoutes?.(app);
  if (options.sandbox) await app.register(options.sandbox, { prefix: "/sandbox" });
  await registerWebApp(app, config.webDistDir);
  return app;
}
