import type { Logger } from "pino";
import type { z } from "zod";

/** A kind of job: its name and payload schema. Producers import it to enqueue; workers attach a handler. */
export type JobType<Payload> = {
  readonly name: string;
  readonly payload: z.ZodType<Payload>;
  /** Attempts before the job is dead-lettered (status `dead`, visible to operators). */
  readonly maxAttempts: number;
  /** Longest a run may take; it is also told to stop through its AbortSignal. */
  readonly timeoutMs: number;
};

export type JobContext = {
  jobId: string;
  attempt: number;
  signal: AbortSignal;
  logger: Logger;
};

export type JobHandler<Payload> = (payload: Payload, context: JobContext) => Promise<void>;

/** A job type with its handler, as registered with a worker. */
export type JobRegistration = {
  type: JobType<unknown>;
  handle: JobHandler<unknown>;
};

/** A recurring job: the worker enqueues `type` with `payload` on every `cron` occurrence (UTC). */
export type JobSchedule = {
  type: JobType<unknown>;
  cron: string;
  payload: unknown;
};

export function defineJob<Payload>(definition: {
  name: string;
  payload: z.ZodType<Payload>;
  maxAttempts?: number;
  timeoutMs?: number;
}): JobType<Payload> {
  return { maxAttempts: 5, timeoutMs: 5 * 60_000, ...definition };
}

export function handleJob<Payload>(type: JobType<Payload>, handle: JobHandler<Payload>): JobRegistration {
  return { type: type as JobType<unknown>, handle: handle as JobHandler<unknown> };
}

export function scheduleJob<Payload>(type: JobType<Payload>, cron: string, payload: Payload): JobSchedule {
  return { type: type as JobType<unknown>, cron, payload };
}
