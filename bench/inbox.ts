import type { Modules } from "../apps/server/src/modules/index.ts";
import { type BenchOrganization, prepareOrganizations, withProductModules } from "./lib/crm-organizations.ts";
import {
  createBenchDatabase,
  hashSeedSources,
  markReusedDatabase,
  openReusedDatabase,
  type ReusedDatabase,
} from "./lib/databases.ts";
import type { Recorder } from "./lib/figures.ts";
import { customersOf, type InboxNumber } from "./lib/inbox-deliveries.ts";
import { measureIngest } from "./lib/inbox-ingest.ts";
import { buildInboxKinds, explainInboxRequest, inboxPath } from "./lib/inbox-lists.ts";
import { measureWebhookToSocket } from "./lib/inbox-realtime.ts";
import { findAgents, seedInboxData } from "./lib/inbox-seed.ts";
import { logProgress } from "./lib/progress.ts";
import { measureRequestKinds } from "./lib/request-kinds.ts";
import { type ServerProcess, startServerProcess } from "./lib/server-process.ts";
import { createTempDir, type TempDir } from "./lib/temp-dirs.ts";

/**
 * `BENCH_INBOX_SCALE` (default 1) scales every size of this group, for a quick check that it works:
 * `BENCH_INBOX_SCALE=0.01 npm run bench -- --only inbox` sends 200 deliveries from 20 customers,
 * seeds 1,000 conversations and 100,000 messages, and runs each load for 2 s instead of 10 s.
 */
const scale = Number(process.env.BENCH_INBOX_SCALE ?? "1");
if (!(scale > 0 && scale <= 1)) throw new Error(`BENCH_INBOX_SCALE takes a number in (0, 1]; got ${scale}`);
const quick = scale < 1;
const sizes = {
  ingestMessages: Math.max(100, Math.round(20_000 * scale)),
  ingestCustomers: Math.max(10, Math.round(2_000 * scale)),
  realtimePerSecond: 200,
  realtimeSeconds: Math.max(2, Math.round(15 * scale)),
  conversations: Math.max(100, Math.round(100_000 * scale)),
  messages: Math.max(10_000, Math.round(10_000_000 * scale)),
};
const loadSeconds = quick ? 2 : 10;
/** `BENCH_INBOX_PARTS=webhooks` or `=lists` runs one half (both by default). */
const parts = new Set(
  (process.env.BENCH_INBOX_PARTS ?? "webhooks,lists").split(",").map((part) => part.trim()),
);
const warmupSeconds = quick ? 1 : 2;

const appSecret = "bench-inbox-app-secret";
const webhookNumber: InboxNumber = {
  phoneNumberId: "106555010000101",
  wabaId: "206555010000101",
  displayPhoneNumber: "15550100001",
  appSecret,
};
/** Nothing listens there: the number's refresh job records a connection error, inbound work is unaffected. */
const unreachableApi = "http://127.0.0.1:9";

/** With `--reuse`, the seeded database is kept under this name and used again while its marker matches. */
const reusedDatabase = "sbos_bench_inbox_reused";
const seedSources = [
  "./lib/inbox-seed.ts",
  "./lib/inbox-seed-plan.ts",
  "./lib/inbox-seed-messages.ts",
  "./lib/inbox-phrases.ts",
  "./lib/inbox-deliveries.ts",
  "./lib/people-generator.ts",
  "./lib/people-names.ts",
  "./lib/random.ts",
  "../apps/server/src/modules/crm/contacts/search-keys.ts",
].map((source) => new URL(source, import.meta.url));
const seedMarker = `sbos bench inbox seed: ${sizes.conversations} conversations, ${sizes.messages} messages, ${hashSeedSources(seedSources)}`;

const count = (value: number) => value.toLocaleString("en-US");

/**
 * The WhatsApp inbox of issue 5: signed webhook deliveries through `sbos serve` and applied by
 * `sbos worker`; the latency from a webhook to an agent's WebSocket; then the inbox lists of an
 * organisation with 100,000 conversations and 10,000,000 messages through the API.
 */
export async function runInboxGroup(recorder: Recorder) {
  const reuse = process.argv.includes("--reuse");
  recorder.note(
    `inbox: sbos serve and sbos worker run as child processes on PostgreSQL; the load is generated in the bench process; all share the machine's cores with PostgreSQL${quick ? `; BENCH_INBOX_SCALE=${scale}: sizes and load durations are cut down, figures are not comparable with the targets` : ""}`,
  );
  if (parts.has("webhooks")) {
    await recorder.section(
      `inbox · webhooks: ${count(sizes.ingestMessages)} messages + 10% redeliveries, then ${sizes.realtimePerSecond}/s to a WebSocket`,
      () => measureWebhooks(recorder),
    );
  }
  if (parts.has("lists")) {
    await recorder.section(
      `inbox · lists, ${count(sizes.conversations)} conversations and ${count(sizes.messages)} messages`,
      () => measureLists(recorder, reuse),
    );
  }
}

async function measureWebhooks(recorder: Recorder) {
  const database = await createBenchDatabase();
  const dataDir = await createTempDir("inbox-webhooks");
  const processes: ServerProcess[] = [];
  try {
    const [organization] = await withProductModules(database.url, dataDir.path, (modules) =>
      prepareOrganizations(modules, [{ slug: "bench-inbox-webhooks", name: "Bench inbox webhooks" }]),
    );
    if (!organization) throw new Error("no organisation was created");
    const options = { databaseUrl: database.url, dataDir: dataDir.path };
    const serve = await startServerProcess("serve", options);
    processes.push(serve);
    const worker = await startServerProcess("worker", options);
    processes.push(worker);
    await connectNumberThroughApi(serve.url as string, organization);
    const customers = customersOf(sizes.ingestCustomers, 5);
    await recorder.section("inbox · webhook ingest", () =>
      measureIngest(recorder, {
        serve,
        worker,
        databaseUrl: database.url,
        tenantId: organization.id,
        number: webhookNumber,
        customers,
        uniqueMessages: sizes.ingestMessages,
      }),
    );
    await recorder.section("inbox · webhook → WebSocket latency", () =>
      measureWebhookToSocket(recorder, {
        baseUrl: serve.url as string,
        apiKey: organization.apiKey,
        number: webhookNumber,
        customers,
        perSecond: sizes.realtimePerSecond,
        seconds: sizes.realtimeSeconds,
      }),
    );
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
    await dataDir.remove();
    await database.drop();
  }
}

async function connectNumberThroughApi(baseUrl: string, organization: BenchOrganization) {
  const response = await fetch(`${baseUrl}/api/v1/channels/whatsapp`, {
    method: "POST",
    headers: { authorization: `Bearer ${organization.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      phoneNumberId: webhookNumber.phoneNumberId,
      wabaId: webhookNumber.wabaId,
      accessToken: "bench-access-token",
      appSecret,
      verifyToken: "bench-verify-token",
      apiBaseUrl: unreachableApi,
    }),
  });
  if (response.status !== 201) {
    throw new Error(`connecting the number answered ${response.status}: ${await response.text()}`);
  }
}

async function measureLists(recorder: Recorder, reuse: boolean) {
  const dataDir = await createTempDir("inbox-lists");
  const database: ReusedDatabase = reuse
    ? await openReusedDatabase(reusedDatabase, seedMarker)
    : { ...(await createBenchDatabase()), complete: false };
  let server: ServerProcess | undefined;
  try {
    const organization = await prepareSeededOrganization(recorder, database, dataDir, reuse);
    server = await startServerProcess("serve", { databaseUrl: database.url, dataDir: dataDir.path });
    const headers = { authorization: `Bearer ${organization.apiKey}` };
    const kinds = await buildInboxKinds({
      baseUrl: server.url as string,
      headers,
      databaseUrl: database.url,
      tenantId: organization.id,
      agents: await findAgents(database.url, organization.id),
    });
    await measureRequestKinds(recorder, {
      group: "inbox",
      label: "lists",
      baseUrl: server.url as string,
      headers,
      databaseUrl: database.url,
      kinds,
      pathOf: inboxPath,
      explain: (request) => explainInboxRequest(database.url, organization.id, request),
      steady: { durationSeconds: loadSeconds * 2, warmupSeconds, requestsPerSecond: 50 },
      saturated: { connections: 10, durationSeconds: loadSeconds, warmupSeconds },
    });
  } finally {
    await server?.stop();
    await dataDir.remove();
    if (!reuse) await database.drop();
  }
}

/** The organisation (a new API key each run), its number, and its seeded inbox unless `--reuse` found one. */
async function prepareSeededOrganization(
  recorder: Recorder,
  database: ReusedDatabase,
  dataDir: TempDir,
  reuse: boolean,
): Promise<BenchOrganization> {
  const { organization, channelId } = await withProductModules(
    database.url,
    dataDir.path,
    async (modules) => {
      const [prepared] = await prepareOrganizations(modules, [
        { slug: "bench-inbox-lists", name: "Bench inbox 100k conversations" },
      ]);
      if (!prepared) throw new Error("no organisation was created");
      return { organization: prepared, channelId: await findOrConnectNumber(modules, prepared.id) };
    },
  );
  if (database.complete) {
    logProgress("inbox: reusing the seeded database (--reuse)");
    return organization;
  }
  logProgress(
    `inbox: seeding ${count(sizes.conversations)} conversations, ${count(sizes.messages)} messages`,
  );
  const summary = await seedInboxData(database.url, {
    tenantId: organization.id,
    channelId,
    size: { conversations: sizes.conversations, messages: sizes.messages },
  });
  recorder.add(
    "inbox",
    `seed ${count(summary.contacts)} contacts, ${count(summary.conversations)} conversations, ${count(summary.messages)} messages (SQL, indexes rebuilt, vacuum analyse)`,
    summary.seconds,
    "s",
  );
  if (reuse) await markReusedDatabase(reusedDatabase, seedMarker);
  return organization;
}

async function findOrConnectNumber(modules: Modules, tenantId: string): Promise<string> {
  const actor = { tenantId, role: "owner" as const };
  const [existing] = await modules.inbox.channels.listChannels(actor);
  if (existing) return existing.id;
  const connected = await modules.inbox.channels.connectWhatsApp(actor, {
    phoneNumberId: "106555010000202",
    wabaId: "206555010000202",
    accessToken: "bench-access-token",
    appSecret,
    verifyToken: "bench-verify-token",
    apiBaseUrl: unreachableApi,
  });
  return connected.id;
}
