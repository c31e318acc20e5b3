import { and, asc, eq, gt, ilike, or, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { escapeLike } from "../../../platform/db/like.ts";
import { cannedReplies } from "./tables.ts";

export type CannedReplyRow = typeof cannedReplies.$inferSelect;

/** Inserts unless the shortcut is taken (ignoring case); undefined then. */
export async function insertCannedReply(executor: Executor, row: typeof cannedReplies.$inferInsert) {
  const [created] = await executor.insert(cannedReplies).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findCannedReply(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.tenantId, tenantId), eq(cannedReplies.id, id)));
  return row;
}

/** The reply using this shortcut (ignoring case), if any. */
export async function findCannedReplyByShortcut(executor: Executor, tenantId: string, shortcut: string) {
  const [row] = await executor
    .select()
    .from(cannedReplies)
    .where(
      and(
        eq(cannedReplies.tenantId, tenantId),
        sql`lower(${cannedReplies.shortcut}) = ${shortcut.toLowerCase()}`,
      ),
    );
  return row;
}

/** By shortcut; `q` matches the start of a shortcut or any part of the text. */
export async function listCannedReplies(
  executor: Executor,
  tenantId: string,
  query: { q?: string; afterShortcut?: string; limit: number },
) {
  const pattern = query.q ? escapeLike(query.q.toLowerCase()) : undefined;
  return executor
    .select()
    .from(cannedReplies)
    .where(
      and(
        eq(cannedReplies.tenantId, tenantId),
        pattern
          ? or(
              sql`lower(${cannedReplies.shortcut}) like ${`${pattern}%`}`,
              ilike(cannedReplies.body, `%${pattern}%`),
            )
          : undefined,
        query.afterShortcut ? gt(cannedReplies.shortcut, query.afterShortcut) : undefined,
      ),
    )
    .orderBy(asc(cannedReplies.shortcut))
    .limit(query.limit);
}

export async function updateCannedReply(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<typeof cannedReplies.$inferInsert>,
) {
  const [row] = await executor
    .update(cannedReplies)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(cannedReplies.tenantId, tenantId), eq(cannedReplies.id, id)))
    .returning();
  return row;
}

export async function deleteCannedReply(executor: Executor, tenantId: string, id: string) {
  await executor
    .delete(cannedReplies)
    .where(and(eq(cannedReplies.tenantId, tenantId), eq(cannedReplies.id, id)));
}
