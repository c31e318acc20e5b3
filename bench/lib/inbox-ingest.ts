import pg from "pg";
import type { Recorder, Target } from "./figures.ts";
import { buildIngestInput, type Customer, type InboxNumber } from "./inbox-deliveries.ts";
import { createWebhookPoster, postAll } from "./inbox-webhook-poster.ts";
import { logProgress } from "./progress.ts";
import { type ServerProcess, sampleRss } from "./server-process.ts";
import { percentile, sleep } from "./stats.ts";

const connections = 50;
const redeliveryShare = 0.1;
const pollMs = 20;
const appliedTimeoutMs = 15 * 60_000;
const ackTarget: Target = { comparison: "at-least", value: 2_000 };
const processedTarget: Target = { comparison: "at-least", value: 1_000 };
const none: Target = { comparison: "below", value: 1 };
const mb = 1024 * 1024;

export type IngestOptions = {
  serve: ServerProcess;
  worker: ServerProcess;
  databaseUrl: string;
  tenantId: string;
  number: InboxNumber;
  customers: Customer[];
  uniqueMessages: number;
};

/**
 * Signed text-message deliveries (with ~10% byte-identical redeliveries) POSTed on 50 connections
 * as fast as `sbos serve` acknowledges them, while `sbos worker` drains them; then the wait until
 * the durable inbound queue is empty, and what ended up stored.
 */
export async function measureIngest(recorder: Recorder, options: IngestOptions) {
  const input = buildIngestInput(options.number, {
    unique: options.uniqueMessages,
    customers: options.customers,
    redeliveryShare,
    seed: 31,
  });
  const total = input.deliveries.length;
  logProgress(
    `inbox · ingest: ${total.toLocaleString("en-US")} deliveries (${input.redeliveries} redeliveries) from ${input.customers} customers on ${connections} connections`,
  );
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const poster = createWebhookPoster(options.serve.url as string, connections);
  const sampler = sampleRss([options.serve.pid, options.worker.pid]);
  let peaks = new Map<number, number>();
  try {
    const posted = await postAll(poster, input.deliveries, connections, (sent) =>
      logProgress(`  inbox · ingest: ${sent.toLocaleString("en-US")} acknowledged`),
    );
    if (posted.failed > 0) {
      recorder.note(`inbox · ingest: ${posted.failed} deliveries refused, the first: ${posted.firstError}`);
    }
    const ackSeconds = (posted.lastAckAt - posted.firstPostAt) / 1000;
    const backlog = await countInbound(client);
    logProgress(
      `  inbox · ingest: all acknowledged in ${ackSeconds.toFixed(1)} s; ${backlog} deliveries still to apply`,
    );
    const appliedAt = await waitUntilApplied(client, posted.firstPostAt);
    peaks = await sampler.stop();
    const processedSeconds = (appliedAt - posted.firstPostAt) / 1000;

    recorder.add("inbox", "ingest · deliveries POSTed", total, "count");
    recorder.add(
      "inbox",
      "ingest · redeliveries in the input (same bytes)",
      (100 * input.redeliveries) / total,
      "%",
    );
    recorder.add(
      "inbox",
      `ingest · acknowledged/s (${connections} connections)`,
      total / ackSeconds,
      "/s",
      ackTarget,
    );
    recorder.add("inbox", "ingest · ack p50", percentile(posted.latencies, 50), "ms");
    recorder.add("inbox", "ingest · ack p99", percentile(posted.latencies, 99), "ms");
    recorder.add("inbox", "ingest · deliveries refused (non-200)", posted.failed, "count", none);
    recorder.add("inbox", "ingest · inbound backlog when the last was acknowledged", backlog, "count");
    recorder.add("inbox", "ingest · first POST → all applied", processedSeconds, "s");
    recorder.add("inbox", "ingest · fully processed/s", total / processedSeconds, "/s", processedTarget);

    const stored = await countStored(client, options.tenantId);
    recorder.add("inbox", "ingest · unique wamids sent", input.uniqueWamids, "count");
    recorder.add("inbox", "ingest · messages stored", stored.messages, "count");
    recorder.add(
      "inbox",
      "ingest · messages double-stored",
      Math.max(0, stored.messages - input.uniqueWamids),
      "count",
      none,
    );
    recorder.add(
      "inbox",
      "ingest · messages missing",
      Math.max(0, input.uniqueWamids - stored.distinctWamids),
      "count",
      none,
    );
    recorder.add("inbox", "ingest · distinct customers", input.customers, "count");
    recorder.add("inbox", "ingest · conversations created", stored.conversations, "count");
    recorder.add("inbox", "ingest · contacts created", stored.contacts, "count");
    recorder.add(
      "inbox",
      "ingest · conversations beyond one per customer",
      Math.max(0, stored.conversations - input.customers),
      "count",
      none,
    );
    recorder.add("inbox", "ingest · peak RSS, sbos serve", (peaks.get(options.serve.pid) ?? 0) / mb, "MB");
    recorder.add("inbox", "ingest · peak RSS, sbos worker", (peaks.get(options.worker.pid) ?? 0) / mb, "MB");
    logProgress(
      `  inbox · ingest: ${Math.round(total / ackSeconds)} acks/s, applied after ${processedSeconds.toFixed(1)} s ` +
        `(${Math.round(total / processedSeconds)}/s); ${JSON.stringify(stored)}`,
    );
  } finally {
    if (peaks.size === 0) await sampler.stop();
    poster.close();
    await client.end();
  }
}

async function countInbound(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: number }>(
    "select count(*)::int as count from sbos_whatsapp_inbound",
  );
  return rows[0]?.count ?? 0;
}

/** Polls the inbound queue until it is empty; answers when it was seen empty. */
async function waitUntilApplied(client: pg.Client, since: number): Promise<number> {
  let lastReport = performance.now();
  for (;;) {
    const remaining = await countInbound(client);
    const now = performance.now();
    if (remaining === 0) return now;
    if (now - since > appliedTimeoutMs) {
      const { rows } = await client.query<{ last_error: string | null }>(
        "select last_error from sbos_whatsapp_inbound where last_error is not null limit 1",
      );
      throw new Error(
        `${remaining} deliveries still not applied after ${appliedTimeoutMs / 1000} s; a last error: ${rows[0]?.last_error ?? "none"}`,
      );
    }
    if (now - lastReport > 2_000) {
      lastReport = now;
      logProgress(`  inbox · ingest: ${remaining.toLocaleString("en-US")} deliveries still to apply`);
    }
    await sleep(pollMs);
  }
}

async function countStored(client: pg.Client, tenantId: string) {
  const { rows } = await client.query<{
    messages: number;
    distinctWamids: number;
    conversations: number;
    contacts: number;
  }>(
    `select (select count(*)::int from messages where tenant_id = $1) as "messages",
       (select count(distinct provider_message_id)::int from messages where tenant_id = $1) as "distinctWamids",
       (select count(*)::int from conversations where tenant_id = $1) as "conversations",
       (select count(*)::int from contacts where tenant_id = $1) as "contacts"`,
    [tenantId],
  );
  const [row] = rows;
  if (!row) throw new Error("counting stored rows answered nothing");
  return row;
}
