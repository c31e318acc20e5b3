import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database } from "../db/client.ts";
import { textArray } from "../db/text-array.ts";
import { newId } from "../ids.ts";
import type { JobMetrics } from "../metrics.ts";
import type { JobRegistration, JobSchedule } from "./definitions.ts";
import { jobsChannel } from "./enqueue.ts";
import { createScheduler } from "./scheduler.ts";

export type WorkerOptions = {
  database: Database;
  logger: Logger;
  metrics?: JobMetrics;
  registrations: JobRegistration[];
  schedules?: JobSchedule[];
  concurrency: number;
  /** How long a fetched job stays locked without a heartbeat; a crashed worker's jobs return after it. */
  leaseMs?: number;
  /** Idle poll for delayed jobs and missed notifications. */
  pollIntervalMs?: number;
};

export type Worker = {
  readonly id: string;
  start(): Promise<void>;
  /** Stops fetching, waits up to `timeoutMs` for running jobs, and hands back any still running. */
  stop(timeoutMs: number): Promise<void>;
};

type FetchedJob = { id: string; name: string; payload: unknown; attempts: number; waited_ms: number };

/**
 * A PostgreSQL job worker: `FOR UPDATE SKIP LOCKED` fetches in batches, LISTEN/NOTIFY wakes it on
 * enqueue, completions are written in batches, leases are renewed by a heartbeat and an expired
 * lease (a crashed worker) puts the job back in the queue.
 */
export function createWorker(options: WorkerOptions): Worker {
  const { database, logger, metrics, concurrency } = options;
  const db = database.db;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  const handlers = new Map(options.registrations.map((entry) => [entry.type.name, entry]));
  const names = [...handlers.keys()];
  const scheduler = createScheduler(db, logger, options.schedules ?? []);
  const running = new Map<string, Promise<void>>();
  const refillThreshold = Math.max(1, Math.floor(concurrency / 4));

  let stopping = false;
  let fetching = false;
  let fetchAgain = false;
  let mayHaveMore = true;
  let pendingCompletions: string[] = [];
  let flushing: Promise<void> | undefined;
  const timers: NodeJS.Timeout[] = [];
  let unlisten: (() => Promise<void>) | undefined;

  const fetchJobs = async (limit: number): Promise<FetchedJob[]> => {
    const result = await db.execute<FetchedJob>(sql`
      update sbos_jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
        locked_until = now() + make_interval(secs => ${leaseMs / 1000})
      where id in (
        select id from sbos_jobs
        where status = 'queued' and run_at <= now() and name = any(${textArray(names)}::text[])
        order by run_at limit ${limit} for update skip locked)
      returning id, name, payload, attempts,
        (extract(epoch from (now() - greatest(run_at, created_at))) * 1000)::float8 as waited_ms`);
    return result.rows;
  };

  const fill = async () => {
    if (stopping || names.length === 0) return;
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    try {
      do {
        fetchAgain = false;
        const free = concurrency - running.size;
        if (free <= 0) break;
        const jobs = await fetchJobs(free);
        mayHaveMore = jobs.length === free;
        for (const job of jobs) run(job);
        if (mayHaveMore) fetchAgain = true;
      } while (fetchAgain && !stopping);
    } catch (error) {
      logger.error({ err: error }, "job fetch failed");
    } finally {
      fetching = false;
    }
  };

  const run = (job: FetchedJob) => {
    const registration = handlers.get(job.name);
    if (!registration) return;
    metrics?.pickupLatency.observe({ name: job.name }, Number(job.waited_ms) / 1000);
    const started = performance.now();
    const execution = execute(registration, job)
      .then(
        () => {
          metrics?.completed.inc({ name: job.name, outcome: "succeeded" });
          complete(job.id);
        },
        (error: unknown) => fail(registration, job, error),
      )
      .finally(() => {
        metrics?.duration.observe({ name: job.name }, (performance.now() - started) / 1000);
        running.delete(job.id);
        if (
          !stopping &&
          (running.size === 0 || (mayHaveMore && concurrency - running.size >= refillThreshold))
        ) {
          void fill();
        }
      });
    running.set(job.id, execution);
  };

  const execute = async (registration: JobRegistration, job: FetchedJob) => {
    const controller = new AbortController();
    const { timeoutMs } = registration.type;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const payload = registration.type.payload.parse(job.payload);
      const context = { jobId: job.id, attempt: job.attempts, signal: controller.signal, logger };
      await Promise.race([
        registration.handle(payload, { ...context, logger: logger.child({ job: job.id }) }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };

  const complete = (jobId: string) => {
    pendingCompletions.push(jobId);
    scheduleFlush();
  };

  // Completions within one tick are written by one statement.
  const scheduleFlush = () => {
    flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flushCompletions);
  };

  const flushCompletions = async () => {
    const ids = pendingCompletions;
    pendingCompletions = [];
    try {
      await db.execute(sql`
        update sbos_jobs set status = 'succeeded', finished_at = now(), locked_by = null, locked_until = null
        where id = any(${textArray(ids)}::uuid[]) and locked_by = ${workerId}`);
    } catch (error) {
      // The lease runs out and the jobs run again: handlers are idempotent by contract.
      logger.error({ err: error, jobs: ids.length }, "recording completed jobs failed");
    } finally {
      flushing = undefined;
      if (pendingCompletions.length > 0) scheduleFlush();
    }
  };

  const fail = async (registration: JobRegistration, job: FetchedJob, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const dead = job.attempts >= registration.type.maxAttempts;
    metrics?.completed.inc({ name: job.name, outcome: dead ? "dead" : "retried" });
    logger.warn({ job: job.id, name: job.name, attempt: job.attempts, dead, err: error }, "job failed");
    await db
      .execute(sql`
        update sbos_jobs set status = ${dead ? "dead" : "queued"}, last_error = ${message.slice(0, 2000)},
          run_at = now() + make_interval(secs => ${retryDelaySeconds(job.attempts)}),
          finished_at = ${dead ? sql`now()` : null}, locked_by = null, locked_until = null
        where id = ${job.id} and locked_by = ${workerId}`)
      .catch((updateError: unknown) => logger.error({ err: updateError }, "recording a failed job failed"));
  };

  const heartbeat = async () => {
    if (running.size === 0) return;
    await db.execute(sql`
      update sbos_jobs set locked_until = now() + make_interval(secs => ${leaseMs / 1000})
      where locked_by = ${workerId} and status = 'running'`);
  };

  const every = (intervalMs: number, task: () => Promise<unknown>) => {
    const timer = setInterval(() => {
      task().catch((error: unknown) => logger.error({ err: error }, "queue maintenance failed"));
    }, intervalMs);
    timer.unref();
    timers.push(timer);
  };

  return {
    id: workerId,
    start: async () => {
      unlisten = await database.listen(jobsChannel, () => {
        mayHaveMore = true;
        void fill();
      });
      await scheduler.register();
      every(pollIntervalMs, fill);
      every(Math.max(250, leaseMs / 3), heartbeat);
      every(Math.min(5_000, leaseMs), () => requeueExpiredJobs(database));
      every(1_000, scheduler.enqueueDue);
      void fill();
    },
    stop: async (timeoutMs) => {
      stopping = true;
      for (const timer of timers) clearInterval(timer);
      await unlisten?.();
      const deadline = new Promise<"timeout">((resolve) =>
        setTimeout(() => resolve("timeout"), timeoutMs).unref(),
      );
      const outcome = await Promise.race([Promise.allSettled(running.values()).then(() => "done"), deadline]);
      while (flushing || pendingCompletions.length > 0) await (flushing ?? flushCompletions());
      if (outcome === "timeout") await releaseJobs(database, workerId);
    },
  };
}

/** Puts back jobs whose worker stopped renewing its lease (crashed or cut off). */
export async function requeueExpiredJobs(database: Database): Promise<number> {
  const result = await database.db.execute(sql`
    update sbos_jobs set status = case when attempts >= max_attempts then 'dead' else 'queued' end,
      last_error = 'the worker running it stopped responding (lease expired)',
      finished_at = case when attempts >= max_attempts then now() end,
      locked_by = null, locked_until = null, run_at = now()
    where status = 'running' and locked_until < now()
    returning id`);
  return result.rows.length;
}

async function releaseJobs(database: Database, workerId: string) {
  await database.db.execute(sql`
    update sbos_jobs set status = 'queued', attempts = greatest(attempts - 1, 0), locked_by = null,
      locked_until = null, run_at = now()
    where locked_by = ${workerId} and status = 'running'`);
}

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s ... capped at one hour. */
export function retryDelaySeconds(attempt: number): number {
  const base = Math.min(3600, 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}
