import { CronExpressionParser } from "cron-parser";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Db } from "../db/client.ts";
import type { JobSchedule } from "./definitions.ts";
import { enqueue } from "./enqueue.ts";

export function nextOccurrence(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: "UTC" }).next().toDate();
}

/**
 * Recurring jobs. Each schedule is a row whose `next_run_at` is advanced in the same transaction
 * that enqueues the occurrence, under `FOR UPDATE SKIP LOCKED`: however many workers run, each
 * occurrence is enqueued once.
 */
export function createScheduler(db: Db, logger: Logger, schedules: JobSchedule[]) {
  const byName = new Map(schedules.map((schedule) => [schedule.type.name, schedule]));

  return {
    register: async () => {
      for (const schedule of schedules) {
        const next = nextOccurrence(schedule.cron, new Date());
        await db.execute(sql`
          insert into sbos_job_schedules (name, cron, next_run_at) values (${schedule.type.name}, ${schedule.cron}, ${next})
          on conflict (name) do update set cron = excluded.cron,
            next_run_at = case when sbos_job_schedules.cron = excluded.cron
              then sbos_job_schedules.next_run_at else excluded.next_run_at end`);
      }
    },
    enqueueDue: async () => {
      if (byName.size === 0) return;
      await db.transaction(async (tx) => {
        const due = await tx.execute<{ name: string; next_run_at: string }>(sql`
          select name, next_run_at::text from sbos_job_schedules where next_run_at <= now()
          for update skip locked`);
        for (const row of due.rows) {
          const schedule = byName.get(row.name);
          if (!schedule) continue;
          await enqueue(tx, schedule.type, schedule.payload, { singletonKey: `schedule:${row.next_run_at}` });
          const next = nextOccurrence(schedule.cron, new Date());
          await tx.execute(
            sql`update sbos_job_schedules set next_run_at = ${next}, last_run_at = now() where name = ${row.name}`,
          );
          logger.debug({ schedule: row.name, next }, "scheduled job enqueued");
        }
      });
    },
  };
}
