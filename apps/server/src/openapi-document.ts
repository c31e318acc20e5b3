import pino from "pino";
import { buildApp } from "./app.ts";
import { createModules } from "./modules/index.ts";
import type { Config } from "./platform/config.ts";
import { createAppContext } from "./platform/context.ts";
import { createPglite, openDatabase } from "./platform/db/client.ts";
import { createMetrics } from "./platform/metrics.ts";

/** The OpenAPI document of every route, built without serving anything (on a throwaway database). */
export async function buildOpenApiDocument(config: Config): Promise<unknown> {
  const database = await openDatabase({ kind: "pglite-instance", instance: await createPglite() });
  const context = createAppContext(config, database, pino({ level: "silent" }));
  const modules = await createModules(context);
  const app = await buildApp({ context, modules: modules.modules, metrics: createMetrics(database) });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await context.rateLimits.close();
    await database.close();
  }
}
