import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, openDatabase } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { createLogger } from "../apps/server/src/platform/logger.ts";
import { defineJob, handleJob } from "../apps/server/src/platform/queue/definitions.ts";
import { enqueue } from "../apps/server/src/platform/queue/enqueue.ts";
import { createWorker } from "../apps/server/src/platform/queue/worker.ts";
import { createBenchDatabase } from "./lib/databases.ts";
import type { Recorder, Target } from "./lib/figures.ts";
import { logProgress } from "./lib/progress.ts";
import { percentile, sleep, waitUntil } from "./lib/stats.ts";
import { createTempDir } from "./lib/temp-dirs.ts";

const concurrency = 20;
const throughput = { jobs: 10_000, batchSize: 500, timeoutMs: 120_000 };
const pickup = { jobs: 200, spacingMs: 20, timeoutMs: 30_000 };
const throughputTarget: Target = { comparison: "at-least", value: 2_000 };
const pickupP99Target: Target = { comparison: "below", value: 50 };

const noopJob = defineJob({ name: "bench.queue.noop", payload: z.object({ n: z.number().int() }) });
// performance.now() rather than Date.now(): producer and worker share this process, and it has sub-ms resolution.
const pickupJob = defineJob({
  name: "bench.queue.pickup",
  payload: z.object({ seq: z.number().int(), enqueuedAt: z.number() }),
});

/** Worker throughput and pick-up latency on PostgreSQL, and on PGlite for comparison. */
export async function runQueueGroup(recorder: Recorder) {
  await recorder.section("queue · postgres", async () => {
    const benchDatabase = await createBenchDatabase();
    try {
      const database = await openDatabase({ kind: "postgres", url: benchDatabase.url, poolSize: 20 });
      await measureQueue(recorder, "postgres", database, true);
    } finally {
      await benchDatabase.drop();
    }
  });
  await recorder.section("queue · pglite", async () => {
    const dataDir = await createTempDir("queue-pglite");
    try {
      const database = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir.path, "pglite") });
      await measureQueue(recorder, "pglite", database, false);
    } finally {
      await dataDir.remove();
    }
  });
}

async function measureQueue(recorder: Recorder, label: string, database: Database, withTargets: boolean) {
  const latencies: number[] = [];
  try {
    await migrateDatabase(database);
    const worker = createWorker({
      database,
      logger: createLogger({ logLevel: "silent" }),
      concurrency,
      registrations: [
        handleJob(noopJob, async () => {}),
        handleJob(pickupJob, async (payload) => {
          latencies.push(performance.now() - payload.enqueuedAt);
        }),
      ],
    });
    await worker.start();
    try {
      await measureThroughput(recorder, label, database, withTargets);
      await measurePickup(recorder, label, database, latencies, withTargets);
    } finally {
      await worker.stop(5_000);
    }
  } finally {
    await database.close();
  }
}

async function measureThroughput(
  recorder: Recorder,
  label: string,
  database: Database,
  withTargets: boolean,
) {
  logProgress(`queue · ${label}: ${throughput.jobs} no-op jobs, worker concurrency ${concurrency}`);
  const started = performance.now();
  for (let first = 0; first < throughput.jobs; first += throughput.batchSize) {
    await database.db.transaction(async (tx) => {
      for (let n = first; n < first + throughput.batchSize; n++) await enqueue(tx, noopJob, { n });
    });
  }
  const enqueueSeconds = (performance.now() - started) / 1000;
  logProgress(`  queue · ${label}: enqueued in ${enqueueSeconds.toFixed(2)} s, waiting for the worker`);

  let succeeded = 0;
  const deadline = started + throughput.timeoutMs;
  while (succeeded < throughput.jobs && performance.now() < deadline) {
    succeeded = await countSucceeded(database, noopJob.name);
    if (succeeded < throughput.jobs) await sleep(20);
  }
  const seconds = (performance.now() - started) / 1000;
  if (succeeded < throughput.jobs) {
    recorder.note(`queue · ${label}: only ${succeeded} of ${throughput.jobs} jobs finished in ${seconds} s`);
  }
  const rate = succeeded / seconds;
  recorder.add(
    "queue",
    `${label} · enqueue rate (batches of ${throughput.batchSize})`,
    throughput.jobs / enqueueSeconds,
    "jobs/s",
  );
  recorder.add(
    "queue",
    `${label} · throughput, first enqueue → all succeeded`,
    rate,
    "jobs/s",
    withTargets ? throughputTarget : undefined,
  );
  logProgress(
    `  queue · ${label}: ${succeeded} jobs in ${seconds.toFixed(2)} s = ${Math.round(rate)} jobs/s`,
  );
}

async function measurePickup(
  recorder: Recorder,
  label: string,
  database: Database,
  latencies: number[],
  withTargets: boolean,
) {
  logProgress(`queue · ${label}: pick-up latency, ${pickup.jobs} jobs ${pickup.spacingMs} ms apart`);
  for (let seq = 0; seq < pickup.jobs; seq++) {
    const enqueuedAt = performance.now();
    await database.db.transaction((tx) => enqueue(tx, pickupJob, { seq, enqueuedAt }));
    await sleep(pickup.spacingMs);
  }
  await waitUntil(async () => latencies.length >= pickup.jobs, {
    intervalMs: 20,
    timeoutMs: pickup.timeoutMs,
    what: `${pickup.jobs} pick-up jobs to run`,
  });
  recorder.add("queue", `${label} · pick-up latency p50`, percentile(latencies, 50), "ms");
  recorder.add(
    "queue",
    `${label} · pick-up latency p99`,
    percentile(latencies, 99),
    "ms",
    withTargets ? pickupP99Target : undefined,
  );
  logProgress(
    `  queue · ${label}: pick-up p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
  );
}

async function countSucceeded(database: Database, name: string): Promise<number> {
  const result = await database.db.execute<{ count: string | number }>(
    sql`select count(*) as count from sbos_jobs where status = 'succeeded' and name = ${name}`,
  );
  return Number(result.rows[0]?.count ?? 0);
}
