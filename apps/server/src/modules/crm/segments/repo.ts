import { and, asc, eq } from "drizzle-orm";
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
