import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { segments } from "../tables.ts";

export type SegmentRow = typeof segments.$inferSelect;

export async function findSegment(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(segments)
    .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)));
  return row;
}

export async function listSegments(executor: Executor, tenantId: string) {
  return executor.select().from(segments).where(eq(segments.tenantId, tenantId)).orderBy(asc(segments.name));
}

/** Inserts unless the name is taken (ignoring case); answers undefined then. */
export async function insertSegment(executor: Executor, row: typeof segments.$inferInsert) {
  const [created] = await executor.insert(segments).values(row).onConflictDoNothing().returning();
  return created;
}

/** Whether another segment than `exceptId` has this name, ignoring case. */
export async function isSegmentNameTaken(
  executor: Executor,
  tenantId: string,
  name: string,
  exceptId: string,
) {
  const [row] = await executor
    .select({ id: segments.id })
    .from(segments)
    .where(
      and(
        eq(segments.tenantId, tenantId),
        sql`lower(${segments.name}) = lower(${name})`,
        ne(segments.id, exceptId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function updateSegment(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<Pick<SegmentRow, "name" | "filter">>,
) {
  const [row] = await executor
    .update(segments)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)))
    .returning();
  return row;
}

export async function deleteSegment(executor: Executor, tenantId: string, id: string) {
  await executor.delete(segments).where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)));
}
