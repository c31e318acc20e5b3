import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "../db/columns.ts";

/** Platform table: workers read across tenants, so it carries the tenant for operators but has no RLS. */
export const jobs = pgTable(
  "sbos_jobs",
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    tenantId: uuid(),
    payload: jsonb().notNull(),
    status: text({ enum: ["queued", "running", "succeeded", "dead"] })
      .notNull()
      .default("queued"),
    runAt: timestamptz().notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lockedBy: text(),
    lockedUntil: timestamptz(),
    singletonKey: text(),
    lastError: text(),
    createdAt: createdAt(),
    finishedAt: timestamptz(),
  },
  (table) => [
    index("sbos_jobs_ready_idx").on(table.runAt).where(sql`${table.status} = 'queued'`),
    index("sbos_jobs_running_idx").on(table.lockedUntil).where(sql`${table.status} = 'running'`),
    index("sbos_jobs_finished_idx").on(table.finishedAt).where(sql`${table.status} = 'succeeded'`),
    uniqueIndex("sbos_jobs_singleton_idx")
      .on(table.name, table.singletonKey)
      .where(sql`${table.status} in ('queued', 'running')`),
  ],
);

export const jobSchedules = pgTable("sbos_job_schedules", {
  name: text().primaryKey(),
  cron: text().notNull(),
  nextRunAt: timestamptz().notNull(),
  lastRunAt: timestamptz(),
});
