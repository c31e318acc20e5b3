import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import type { Metrics } from "../metrics.ts";
import type { ZodApp } from "../module.ts";

const checkState = z.enum(["ok", "failing"]);
const readiness = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    checks: z.object({ database: checkState, queue: checkState }),
  })
  .meta({ id: "Readiness" });

/** `/healthz` (the process is alive), `/readyz` (it can serve: database and queue answer), `/metrics`. */
export function registerHealthRoutes(app: ZodApp, database: Database, metrics: Metrics) {
  let draining = false;
  app.addHook("preClose", async () => {
    draining = true;
  });

  app.get(
    "/healthz",
    {
      schema: {
        tags: ["platform"],
        summary: "Liveness",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/readyz",
    {
      schema: {
        tags: ["platform"],
        summary: "Readiness: database and job queue reachable",
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const [databaseCheck, queueCheck] = await Promise.all([
        probe(() => database.db.execute(sql`select 1`)),
        probe(() => database.db.execute(sql`select 1 from sbos_jobs limit 1`)),
      ]);
      const ok = databaseCheck === "ok" && queueCheck === "ok" && !draining;
      return reply
        .code(ok ? 200 : 503)
        .send({ status: ok ? "ok" : "unavailable", checks: { database: databaseCheck, queue: queueCheck } });
    },
  );

  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  app.addHook("onResponse", async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? "unmatched",
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}

async function probe(check: () => Promise<unknown>): Promise<"ok" | "failing"> {
  try {
    await check();
    return "ok";
  } catch {
    return "failing";
  }
}
