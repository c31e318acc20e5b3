import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { startStandaloneSandbox } from "@sbos/sandbox";
import type { Logger } from "pino";
import { roleSchema } from "../modules/identity/dto.ts";
import { createModules, type Modules } from "../modules/index.ts";
import { buildOpenApiDocument } from "../openapi-document.ts";
import type { Config } from "../platform/config.ts";
import { createAppContext } from "../platform/context.ts";
import { openDatabase } from "../platform/db/client.ts";
import { migrateDatabase } from "../platform/db/migrate.ts";
import { type JobStatus, listJobs, retryDeadJob } from "../platform/queue/admin.ts";
import { type RuntimeRoles, startRuntime } from "../runtime.ts";
import { seedDemoData } from "../seed.ts";
import { printBanner } from "./banner.ts";
import { customerUsage, runSimulatedCustomer } from "./customer.ts";

type CommandContext = { config: Config; logger: Logger; wantsHelp: boolean };

type Command = {
  summary: string;
  usage: string;
  run: (args: string[], context: CommandContext) => Promise<void>;
};

const processCommand =
  (roles: RuntimeRoles) =>
  async (_args: string[], { config, logger }: CommandContext) => {
    const runtime = await startRuntime(config, logger, roles);
    printBanner(config, runtime);
    const stop = async (signal: string) => {
      logger.info({ signal }, "shutting down");
      await runtime.shutdown();
      process.exit(0);
    };
    process.once("SIGTERM", () => void stop("SIGTERM"));
    process.once("SIGINT", () => void stop("SIGINT"));
  };

const commands: Record<string, Command> = {
  start: {
    summary: "Run everything in one process: HTTP server, job worker and provider sandbox; seeds demo data",
    usage: "sbos start",
    run: processCommand({ http: true, worker: true, seedDemo: true }),
  },
  serve: {
    summary: "Run the HTTP and WebSocket server only (run any number behind a load balancer)",
    usage: "sbos serve",
    run: processCommand({ http: true, worker: false, seedDemo: false }),
  },
  worker: {
    summary: "Run the job worker and recurring schedules only (run any number)",
    usage: "sbos worker",
    run: processCommand({ http: false, worker: true, seedDemo: false }),
  },
  migrate: {
    summary: "Apply pending database migrations and row-level security, then exit",
    usage: "sbos migrate",
    run: async (_args, { config }) => {
      const database = await openDatabase(config.database);
      try {
        const { applied } = await migrateDatabase(database);
        console.log(applied > 0 ? `Applied ${applied} migration(s).` : "The database is up to date.");
      } finally {
        await database.close();
      }
    },
  },
  seed: {
    summary: "Create the demo organisation and its data (once)",
    usage: "sbos seed --demo",
    run: async (args, context) => {
      const { values } = parseArgs({ args, options: { demo: { type: "boolean" } } });
      if (!values.demo) throw new Error("Only demo data can be seeded: run `sbos seed --demo`.");
      await withModules(context, async (modules) => {
        const demo = await seedDemoData(modules, context.config.dataDir);
        console.log(
          demo
            ? `Demo organisation "${demo.organization}": sign in as ${demo.email} / ${demo.password}; API key ${demo.apiKey}`
            : "Demo data exists.",
        );
      });
    },
  },
  sandbox: {
    summary: "Run the provider sandbox alone on SANDBOX_PORT",
    usage: "sbos sandbox",
    run: async (_args, { config }) => {
      const { url } = await startStandaloneSandbox({
        host: config.host,
        port: config.sandboxPort,
        logLevel: config.logLevel,
      });
      console.log(`Provider sandbox at ${url}`);
    },
  },
  customer: {
    summary: "Write to a sandbox WhatsApp number as a customer and print the conversation",
    usage: customerUsage,
    run: (args, { config }) => runSimulatedCustomer(args, `http://127.0.0.1:${config.port}`),
  },
  openapi: {
    summary: "Print the OpenAPI 3.1 document, or write the web app's API types from it",
    usage: "sbos openapi [--types]",
    run: async (args, { config }) => {
      const { values } = parseArgs({ args, options: { types: { type: "boolean" } } });
      const document = await buildOpenApiDocument(config);
      if (!values.types) {
        console.log(JSON.stringify(document, null, 2));
        return;
      }
      const { apiTypesFile, renderApiTypes } = await import("./api-types.ts");
      await writeFile(apiTypesFile, await renderApiTypes(document));
      console.log(`Wrote ${apiTypesFile}`);
    },
  },
  org: {
    summary: "Create an organisation with its owner (a new or existing user)",
    usage: "sbos org create --name NAME --owner EMAIL --password PASSWORD [--json]",
    run: async (args, context) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          name: { type: "string" },
          owner: { type: "string" },
          password: { type: "string" },
          json: { type: "boolean" },
        },
      });
      if (positionals[0] !== "create" || !values.name || !values.owner || !values.password) {
        throw new Error(`Usage: ${commands.org?.usage}`);
      }
      const { name, owner, password } = values;
      await withModules(context, async (modules) => {
        const { organization } = await modules.auth.createOrganizationWithOwner({
          name,
          ownerEmail: owner,
          ownerPassword: password,
        });
        const result = { id: organization.id, slug: organization.slug };
        console.log(
          values.json ? JSON.stringify(result) : `Created organisation ${result.slug} (${result.id}).`,
        );
      });
    },
  },
  "api-key": {
    summary: "Create an API key for an organisation (printed once)",
    usage: "sbos api-key create --org SLUG [--role owner|admin|member] [--name NAME] [--json]",
    run: async (args, context) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          org: { type: "string" },
          role: { type: "string", default: "admin" },
          name: { type: "string", default: "Created with sbos api-key" },
          json: { type: "boolean" },
        },
      });
      const role = roleSchema.safeParse(values.role);
      if (positionals[0] !== "create" || !values.org || !role.success) {
        throw new Error(`Usage: ${commands["api-key"]?.usage}`);
      }
      const slug = values.org;
      await withModules(context, async (modules) => {
        const organization = await modules.identity.findOrganizationBySlug(slug);
        if (!organization) throw new Error(`No organisation with the slug "${slug}".`);
        const actor = { tenantId: organization.id, role: "owner" as const };
        const { key } = await modules.identity.issueApiKey(actor, {
          name: values.name ?? "",
          role: role.data,
        });
        console.log(values.json ? JSON.stringify({ key }) : key);
      });
    },
  },
  jobs: {
    summary: "Inspect the job queue: list jobs by status, retry a dead-lettered job",
    usage: "sbos jobs [--status queued|running|succeeded|dead] [--retry JOB_ID]",
    run: async (args, { config }) => {
      const { values } = parseArgs({
        args,
        options: { status: { type: "string" }, retry: { type: "string" } },
      });
      const database = await openDatabase(config.database);
      try {
        if (values.retry) {
          const retried = await retryDeadJob(database.db, values.retry);
          console.log(retried ? `Job ${values.retry} is queued again.` : `No dead job ${values.retry}.`);
          return;
        }
        const status = (values.status ?? "dead") as JobStatus;
        if (!["queued", "running", "succeeded", "dead"].includes(status)) {
          throw new Error("--status must be queued, running, succeeded or dead.");
        }
        console.table(await listJobs(database.db, status));
      } finally {
        await database.close();
      }
    },
  },
};

/** Opens and migrates the configured database, runs `work` with the modules, and closes it. */
async function withModules(context: CommandContext, work: (modules: Modules) => Promise<void>) {
  const database = await openDatabase(context.config.database);
  const appContext = createAppContext(context.config, database, context.logger);
  try {
    await migrateDatabase(database);
    await work(await createModules(appContext));
  } finally {
    await appContext.rateLimits.close();
    await database.close();
  }
}

function printHelp() {
  console.log("Social Business OS\n\nUsage: sbos <command> [options]\n\nCommands:");
  for (const [name, command] of Object.entries(commands))
    console.log(`  ${name.padEnd(9)} ${command.summary}`);
  console.log("\nRun `sbos <command> --help` for a command's options. Configuration: docs/configuration.md");
}

export async function runCommand(name: string, args: string[], context: CommandContext) {
  const command = commands[name];
  if (!command) {
    printHelp();
    if (name !== "help" && name !== "--help" && name !== "-h") process.exitCode = 64;
    return;
  }
  if (context.wantsHelp) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return;
  }
  await command.run(
    args.filter((arg) => arg !== "--help" && arg !== "-h"),
    context,
  );
}
