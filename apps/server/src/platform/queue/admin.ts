import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";

export type JobStatus = "queued" | "running" | "succeeded" | "dead";

export type JobSummary = {
  id: string;
  name: string;
  tenantId: string | null;
  status: JobStatus;
  attempts: number;
  lastError: string | null;
  runAt: string;
  createdAt: string;
};

/** Operators' view of the queue: what is waiting, running or dead-lettered. */
export async function listJobs(db: Db, status: JobStatus, limit = 50): Promise<JobSummary[]> {
  const result = await db.execute<JobSummary>(sql`
    select id, name, tenant_id as "tenantId", status, attempts, last_error as "lastError",
      run_at::text as "runAt", created_at::text as "createdAt"
    from sbos_jobs where status = ${status} order by created_at desc limit ${limit}`);
  return result.rows;
}

export async function countJobsByStatus(db: Db): Promise<Record<JobStatus, number>> {
  const result = await db.execute<{ status: JobStatus; count: string | number }>(
    sql`select status, count(*) as count from sbos_jobs group by status`,
  );
  const counts: Record<JobStatus, number> = { queued: 0, running: 0, succeeded: 0, dead: 0 };
  for (const row of result.rows) counts[row.status] = Number(row.count);
  return counts;
}

/** Sends a dead-lettered job back to the queue with a fresh set of attempts. */
export async function retryDeadJob(db: Db, jobId: string): Promise<boolean> {
  const result = await db.execute(sql`
    with retried as (
      update sbos_jobs set status = 'queued', attempts = 0, run_at = now(), finished_at = null
      where id = ${jobId} and status = 'dead' returning id)
    select id, pg_notify('sbos_jobs', '') from retried`);
  return result.rows.length > 0;
}

/** Deletes succeeded jobs finished more than `olderThanHours` ago. */
export async function purgeSucceededJobs(db: Db, olderThanHours: number): Promise<number> {
  const result = await db.execute(sql`
    delete from sbos_jobs where status = 'succeeded'
      and finished_at < now() - make_interval(hours => ${olderThanHours}) returning id`);
  return result.rows.length;
}
