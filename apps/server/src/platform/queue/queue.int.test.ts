import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openTestDatabase } from "../../test/databases.ts";
import { silentLogger } from "../../test/harness.ts";
import type { Database } from "../db/client.ts";
import { newId } from "../ids.ts";
import { listJobs, retryDeadJob } from "./admin.ts";
import { defineJob, handleJob, type JobRegistration, type JobSchedule, scheduleJob } from "./definitions.ts";
import { enqueue } from "./enqueue.ts";
import { createWorker, type Worker } from "./worker.ts";

let database: Database;
const workers: Worker[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop(1_000)));
});
afterAll(() => database.close());

/** Job names are unique per test, so workers of other test files never take these jobs. */
const uniqueJob = <P>(payload: z.ZodType<P>, options: { maxAttempts?: number; timeoutMs?: number } = {}) =>
  defineJob({ name: `test.${newId()}`, payload, ...options });

const startWorker = async (
  registrations: JobRegistration[],
  options: {
    leaseMs?: number;
    pollIntervalMs?: number;
    schedules?: JobSchedule[];
    concurrency?: number;
  } = {},
) => {
  const worker = createWorker({
    database,
    logger: silentLogger,
    registrations,
    concurrency: options.concurrency ?? 5,
    ...options,
  });
  await worker.start();
  workers.push(worker);
  return worker;
};

const jobStatus = async (id: string | undefined) => {
  const result = await database.db.execute<{ status: string; attempts: number; last_error: string | null }>(
    sql`select status, attempts, last_error from sbos_jobs where id = ${id ?? null}`,
  );
  return result.rows[0];
};

describe("job queue", () => {
  it("runs a job only if the transaction that enqueued it commits", async () => {
    const seen: string[] = [];
    const job = uniqueJob(z.object({ label: z.string() }));
    // A poll interval longer than the test: only the NOTIFY sent at commit can wake the worker.
    await startWorker([handleJob(job, async ({ label }) => void seen.push(label))], {
      pollIntervalMs: 60_000,
    });

    await database.db
      .transaction(async (tx) => {
        await enqueue(tx, job, { label: "rolled back" });
        throw new Error("abort");
      })
      .catch(() => {});
    await database.db.transaction((tx) => enqueue(tx, job, { label: "committed" }));

    await expect.poll(() => seen, { timeout: 5_000 }).toEqual(["committed"]);
    const all = await database.db.execute(sql`select id from sbos_jobs where name = ${job.name}`);
    expect(all.rows).toHaveLength(1);
  });

  it("rejects a payload that does not match the job's schema", async () => {
    const job = uniqueJob(z.object({ count: z.number() }));
    await expect(enqueue(database.db, job, { count: "three" } as never)).rejects.toThrow();
  });

  it("retries a failing job with backoff, then dead-letters it for operators", async () => {
    const job = uniqueJob(z.object({}), { maxAttempts: 2 });
    let attempts = 0;
    await startWorker([
      handleJob(job, async () => {
        attempts++;
        throw new Error(`provider down (${attempts})`);
      }),
    ]);
    const id = await enqueue(database.db, job, {});
    await expect
      .poll(async () => (await jobStatus(id))?.status, { timeout: 10_000, interval: 100 })
      .toBe("dead");
    expect(attempts).toBe(2);
    expect(await jobStatus(id)).toMatchObject({ attempts: 2, last_error: "provider down (2)" });
    expect((await listJobs(database.db, "dead", 500)).map((entry) => entry.id)).toContain(id);

    expect(await retryDeadJob(database.db, id as string)).toBe(true);
    await expect.poll(() => attempts, { timeout: 5_000 }).toBeGreaterThan(2);
  });

  it("runs a delayed job no earlier than its time", async () => {
    const job = uniqueJob(z.object({}));
    let ranAt = 0;
    await startWorker(
      [
        handleJob(job, async () => {
          ranAt = Date.now();
        }),
      ],
      { pollIntervalMs: 100 },
    );
    const runAt = new Date(Date.now() + 1_200);
    await enqueue(database.db, job, {}, { runAt });
    await expect.poll(() => ranAt, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(ranAt).toBeGreaterThanOrEqual(runAt.getTime() - 50);
  });

  it("keeps one pending job per singleton key", async () => {
    const job = uniqueJob(z.object({}));
    const first = await enqueue(database.db, job, {}, { singletonKey: "sync:42" });
    const second = await enqueue(database.db, job, {}, { singletonKey: "sync:42" });
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
  });

  it("puts a crashed worker's job back in the queue once its lease expires", async () => {
    const job = uniqueJob(z.object({}));
    const id = await enqueue(database.db, job, {});
    // What a worker killed mid-job leaves behind: running, locked by it, lease run out.
    await database.db.execute(sql`update sbos_jobs set status = 'running', attempts = 1, locked_by = 'crashed',
      locked_until = now() - interval '1 second' where id = ${id ?? null}`);
    let ran = false;
    const markRan = async () => {
      ran = true;
    };
    await startWorker([handleJob(job, markRan)], { leaseMs: 1_000, pollIntervalMs: 100 });
    await expect.poll(() => ran, { timeout: 8_000 }).toBe(true);
    await expect.poll(async () => (await jobStatus(id))?.status).toBe("succeeded");
  });

  it("keeps a long job's lease alive with heartbeats", async () => {
    const job = uniqueJob(z.object({}));
    let runs = 0;
    await startWorker(
      [
        handleJob(job, async () => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 2_500));
        }),
      ],
      { leaseMs: 900, pollIntervalMs: 100 },
    );
    const id = await enqueue(database.db, job, {});
    await expect.poll(async () => (await jobStatus(id))?.status, { timeout: 8_000 }).toBe("succeeded");
    expect(runs).toBe(1);
  });

  it("enqueues each occurrence of a recurring schedule once, however many workers run", async () => {
    const job = uniqueJob(z.object({ source: z.string() }));
    let runs = 0;
    const registration = handleJob(job, async () => void runs++);
    const schedules = [scheduleJob(job, "* * * * * *", { source: "cron" })];
    await startWorker([registration], { schedules, pollIntervalMs: 100 });
    await startWorker([registration], { schedules, pollIntervalMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const result = await database.db.execute<{ count: string }>(
      sql`select count(*)::text as count from sbos_jobs where name = ${job.name}`,
    );
    const enqueued = Number(result.rows[0]?.count);
    expect(enqueued).toBeGreaterThanOrEqual(2);
    expect(enqueued).toBeLessThanOrEqual(5);
    await expect.poll(() => runs).toBe(enqueued);
  });

  it("finishes running jobs on stop, and hands back those that outlive the deadline", async () => {
    const quick = uniqueJob(z.object({}));
    const slow = uniqueJob(z.object({}));
    let quickDone = false;
    let release: () => void = () => {};
    const worker = createWorker({
      database,
      logger: silentLogger,
      concurrency: 5,
      registrations: [
        handleJob(quick, async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          quickDone = true;
        }),
        handleJob(slow, () => new Promise<void>((resolve) => (release = resolve))),
      ],
    });
    await worker.start();
    const quickId = await enqueue(database.db, quick, {});
    const slowId = await enqueue(database.db, slow, {});
    await expect.poll(async () => (await jobStatus(slowId))?.status).toBe("running");
    await expect.poll(async () => (await jobStatus(quickId))?.status).toBe("running");

    await worker.stop(1_000);
    expect(quickDone).toBe(true);
    expect((await jobStatus(quickId))?.status).toBe("succeeded");
    expect(await jobStatus(slowId)).toMatchObject({ status: "queued", attempts: 0 });
    release();
  });
});
