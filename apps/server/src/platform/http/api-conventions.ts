import type { RouteOptions } from "fastify";
import { z } from "zod";
import type { ZodApp } from "../module.ts";

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
    challenge: z.string().optional().describe("With code two_factor_required: send it with the code"),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .max(255)
    .optional()
    .describe("Replays the first response for the same key and body; 422 for the same key with another body"),
});

const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const commonProblems = [400, 401, 403, 404, 429];
const mutationProblems = [409, 413, 422];

/**
 * What every `/api/v1` route shares, declared once so the OpenAPI document tells it: the problem
 * responses, and the `Idempotency-Key` header on every mutating route.
 */
export function registerApiConventions(app: ZodApp) {
  app.addHook("onRoute", (route: RouteOptions) => {
    if (!route.url.startsWith("/api/v1/")) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const mutating = methods.some((method) => mutatingMethods.has(method));
    route.schema ??= {};
    route.schema.response ??= {};
    const responses = route.schema.response as Record<number, unknown>;
    for (const status of mutating ? [...commonProblems, ...mutationProblems] : commonProblems) {
      responses[status] ??= problemSchema;
    }
    if (mutating) route.schema.headers ??= idempotencyHeaders;
  });
}
