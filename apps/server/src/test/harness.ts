import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import pino from "pino";
import { buildApp } from "../app.ts";
import { createModules, type Modules } from "../modules/index.ts";
import type { Role } from "../platform/actor.ts";
import { type Config, loadConfig } from "../platform/config.ts";
import { createAppContext } from "../platform/context.ts";
import type { Database } from "../platform/db/client.ts";
import { newId } from "../platform/ids.ts";
import { createMetrics } from "../platform/metrics.ts";
import { openTestDatabase } from "./databases.ts";

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  modules: Modules;
  config: Config;
  close(): Promise<void>;
};

export const silentLogger = pino({ level: "silent" });

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    WEB_DIST_DIR: "/nonexistent",
    // Every test request comes from one address; the rate-limit test sets its own limits.
    RATE_LIMIT_AUTH_PER_IP: "10000",
    SECRET_KEYS: `test:${Buffer.alloc(32, 7).toString("base64")}`,
    ...overrides,
  });
}

/** The real app on this run's test database (PGlite or PostgreSQL), driven with `app.inject`. */
export async function startTestApp(
  options: { database?: Database; config?: Config; sandbox?: FastifyPluginAsync } = {},
): Promise<TestApp> {
  const config = options.config ?? testConfig();
  const database = options.database ?? (await openTestDatabase());
  const context = createAppContext(config, database, silentLogger);
  const modules = await createModules(context);
  const app = await buildApp({
    context,
    modules: modules.modules,
    metrics: createMetrics(database),
    sandbox: options.sandbox,
  });
  await app.ready();
  return {
    app,
    database,
    modules,
    config,
    close: async () => {
      await app.close();
      await context.rateLimits.close();
      await database.close();
    },
  };
}

export type TestTenant = {
  tenantId: string;
  slug: string;
  apiKey: string;
  headers: { authorization: string };
};

/** A new organisation with an API key of the given role. */
export async function createTestTenant(modules: Modules, role: Role = "admin"): Promise<TestTenant> {
  const organization = await modules.identity.createOrganization({ name: `Test ${newId()}` });
  const actor = { tenantId: organization.id, role: "owner" as const };
  const { key } = await modules.identity.issueApiKey(actor, { name: `${role} key`, role });
  return {
    tenantId: organization.id,
    slug: organization.slug,
    apiKey: key,
    headers: { authorization: `Bearer ${key}` },
  };
}
