import { mkdirSync } from "node:fs";
import { sandboxPlugin, standIns } from "@sbos/sandbox";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp } from "./app.ts";
import { contactQuery } from "./modules/crm/contacts/dto.ts";
import { createModules, type Modules } from "./modules/index.ts";
import { systemActor } from "./platform/actor.ts";
import type { Config } from "./platform/config.ts";
import { createAppContext } from "./platform/context.ts";
import { type Database, openDatabase } from "./platform/db/client.ts";
import { migrateDatabase } from "./platform/db/migrate.ts";
import { devMailboxStandIn } from "./platform/dev-mailbox.ts";
import { createMaintenanceJobs } from "./platform/maintenance.ts";
import { createMetrics } from "./platform/metrics.ts";
import { createWorker, type Worker } from "./platform/queue/worker.ts";
import { type DemoCredentials, seedDemoData } from "./seed.ts";

export type RuntimeRoles = {
  /** Serve HTTP and WebSockets. */
  http: boolean;
  /** Run jobs and recurring schedules. */
  worker: boolean;
  /** Create the demo organisation on a new database. */
  seedDemo: boolean;
};

export type Runtime = {
  app: FastifyInstance | undefined;
  worker: Worker | undefined;
  database: Database;
  url: string | undefined;
  demo: DemoCredentials | undefined;
  /** Stops accepting, finishes in-flight requests and jobs (bounded), closes the database. */
  shutdown(): Promise<void>;
};

/** Lets in-flight requests finish for up to `budgetMs`, then cuts the connections still open. */
async function closeHttp(app: FastifyInstance | undefined, budgetMs: number) {
  if (!app) return;
  const deadline = setTimeout(() => app.server.closeAllConnections(), budgetMs);
  try {
    await app.close();
  } finally {
    clearTimeout(deadline);
  }
}

/** Whether the provider sandbox stands in for the platforms: `auto` means no real credentials are set. */
export function sandboxEnabled(config: Config): boolean {
  return config.sandbox === "on" || config.sandbox === "auto";
}

/** One process of the product: any mix of HTTP server and job worker, on one database. */
export async function startRuntime(config: Config, logger: Logger, roles: RuntimeRoles): Promise<Runtime> {
  mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase(config.database);
  try {
    const migration = await migrateDatabase(database);
    if (migration.applied > 0) logger.info({ applied: migration.applied }, "database migrated");
  } catch (error) {
    await database.close();
    throw error;
  }

  const context = createAppContext(config, database, logger);
  const modules = await createModules(context);
  const demo = roles.seedDemo ? await seedDemoData(modules, config.dataDir) : undefined;
  const metrics = createMetrics(database);

  let app: FastifyInstance | undefined;
  let url: string | undefined;
  if (roles.http) {
    app = await buildApp({
      context,
      modules: modules.modules,
      metrics,
      sandbox: sandboxEnabled(config)
        ? async (instance) => {
            const mailbox = config.smtpUrl ? [] : [devMailboxStandIn(database.db)];
            await instance.register(sandboxPlugin, { standIns: [...standIns, ...mailbox] });
          }
        : undefined,
    });
    url = await app.listen({ host: config.host, port: config.port });
  }

  let worker: Worker | undefined;
  const consumers: { stop(budgetMs: number): Promise<void> }[] = [];
  if (roles.worker) {
    const maintenance = createMaintenanceJobs({
      db: database.db,
      listTenantIds: modules.identity.listOrganizationIds,
    });
    worker = createWorker({
      database,
      logger,
      metrics: metrics.jobs,
      concurrency: config.workerConcurrency,
      registrations: [...maintenance.jobs, ...modules.modules.flatMap((module) => module.jobs ?? [])],
      schedules: [...maintenance.schedules, ...modules.modules.flatMap((module) => module.schedules ?? [])],
    });
    await worker.start();
    for (const consumer of modules.modules.flatMap((module) => module.consumers ?? [])) {
      consumers.push(await consumer.start());
    }
  }

  if (url && sandboxEnabled(config)) await startSandboxInbox(modules, url, roles.worker ? demo : undefined);

  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= (async () => {
      const budget = config.shutdownTimeoutMs;
      await Promise.all([
        closeHttp(app, budget),
        worker?.stop(budget),
        ...consumers.map((consumer) => consumer.stop(budget)),
      ]);
      await context.rateLimits.close();
      await database.close();
    })();
    return stopping;
  };

  return { app, worker, database, url, demo, shutdown };
}

/**
 * Registers the sandbox WhatsApp numbers with this process's sandbox, the webhook pointing here;
 * on the start that created the demo organisation, three of its contacts write to its number.
 */
async function startSandboxInbox(modules: Modules, listenUrl: string, demo: DemoCredentials | undefined) {
  const serverUrl = listenUrl.replace("://0.0.0.0", "://127.0.0.1").replace("://[::]", "://127.0.0.1");
  const sandboxUrl = `${serverUrl}/sandbox`;
  await modules.inbox.sandbox.registerSandboxNumbers(serverUrl, sandboxUrl);
  if (!demo?.createdTenantId) return;
  const withPhones = contactQuery.parse({
    limit: 3,
    filter: JSON.stringify({ match: "all", conditions: [{ field: "phone", operator: "is_not_empty" }] }),
  });
  const page = await modules.crm.listContacts(systemActor(demo.createdTenantId), withPhones);
  await modules.inbox.sandbox.startDemoConversations(
    demo.createdTenantId,
    sandboxUrl,
    page.data.flatMap((contact) => (contact.phone ? [{ name: contact.name, phone: contact.phone }] : [])),
  );
}
