import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { ZodApp } from "../module.ts";

export const openApiPath = "/api/openapi.json";

/** The route schemas are the OpenAPI 3.1 document: served as JSON and browsable at /api/docs. */
export async function registerOpenApi(app: ZodApp) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Social Business OS API",
        version: "1.0.0",
        description:
          "REST API of Social Business OS. Authenticate with `Authorization: Bearer <API key>`. Errors are RFC 9457 problem+json. Every mutating route accepts an `Idempotency-Key` header.",
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: "http", scheme: "bearer", description: "An API key: sbos_…" },
        },
      },
      security: [{ bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // The reference sets style attributes from script; plain-HTTP installs must not be upgraded to HTTPS.
    transformStaticCSP: (header) =>
      header
        .replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'")
        .replace(/;\s*upgrade-insecure-requests/, ""),
  });
  app.get(openApiPath, { schema: { hide: true } }, async () => app.swagger());
}
