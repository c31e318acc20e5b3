import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { newId } from "../ids.ts";
import type { JobType } from "./definitions.ts";

export const jobsChannel = "sbos_jobs";

export type EnqueueOptions = {
  /** Run no earlier than this time (a delayed job). */
  runAt?: Date;
  /** While a job of this type with this key is queued or running, another enqueue is a no-op. */
  singletonKey?: string;
};

/**
 * Adds a job in the caller's transaction: it exists only if the transaction commits, and the
 * NOTIFY that wakes idle workers is delivered at that commit. Returns the job id, or undefined
 * when a job with the same singleton key is already pending.
 */
export async function enqueue<Payload>(
  executor: Executor,
  type: JobType<Payload>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<string | undefined> {
  const data = type.payload.parse(payload);
  const tenantId = readTenantId(data);
  const runAt = options.runAt?.toISOString() ?? null;
  const result = await executor.execute<{ id: string }>(sql`
    with inserted as (
      insert into sbos_jobs (id, name, tenant_id, payload, run_at, max_attempts, singleton_key)
      values (${newId()}, ${type.name}, ${tenantId}, ${JSON.stringify(data)}::jsonb,
        coalesce(${runAt}::timestamptz, now()), ${type.maxAttempts}, ${options.singletonKey ?? null})
      on conflict (name, singleton_key) where status in ('queued', 'running') do nothing
      returning id, run_at
    )
    select id, case when run_at <= now() then pg_notify(${jobsChannel}, '') end from inserted`);
  return result.rows[0]?.id;
}

function readTenantId(payload: unknown): string | null {
  if (
    payload &&
    typeof payload === "object" &&
    "tenantId" in payload &&
    typeof payload.tenantId === "string"
  ) {
    return payload.tenantId;
  }
  return null;
}
