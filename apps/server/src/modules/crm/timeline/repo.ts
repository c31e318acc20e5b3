import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { activities } from "../tables.ts";

export type ActivityRow = typeof activities.$inferSelect;

/** A page of the contact's timeline, newest first (by id), after `beforeId`. */
export async function listActivities(
  executor: Executor,
  tenantId: string,
  contactId: string,
  page: { beforeId?: string; limit: number },
) {
  return executor
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenantId),
        eq(activities.contactId, contactId),
        page.beforeId ? sql`${activities.id} < ${page.beforeId}::uuid` : undefined,
      ),
    )
    .orderBy(desc(activities.id))
    .limit(page.limit);
}
