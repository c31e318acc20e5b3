import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { bulkOperations, contacts, type lifecycleStages } from "../tables.ts";

export type BulkOperationRow = typeof bulkOperations.$inferSelect;
export type BulkOperationChanges = Partial<
  Pick<BulkOperationRow, "status" | "processed" | "failure" | "finishedAt">
>;

export async function insertOperation(executor: Executor, row: typeof bulkOperations.$inferInsert) {
  const [created] = await executor.insert(bulkOperations).values(row).returning();
  return created as BulkOperationRow;
}

export async function findOperation(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(bulkOperations)
    .where(and(eq(bulkOperations.tenantId, tenantId), eq(bulkOperations.id, id)));
  return row;
}

export async function updateOperation(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: BulkOperationChanges,
) {
  const [row] = await executor
    .update(bulkOperations)
    .set(changes)
    .where(and(eq(bulkOperations.tenantId, tenantId), eq(bulkOperations.id, id)))
    .returning();
  return row;
}

/** The given ids that are this organisation's contacts; anything else is ignored. */
export async function findContactIds(executor: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await executor
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), inArray(contacts.id, ids)))
    .orderBy(contacts.id);
  return rows.map((row) => row.id);
}

/** Sets the owner of the contacts that have another one; answers their ids. */
export async function assignOwner(
  executor: Executor,
  tenantId: string,
  ids: string[],
  ownerId: string | null,
) {
  if (ids.length === 0) return [];
  const rows = await executor
    .update(contacts)
    .set({ ownerId, updatedAt: new Date() })
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        inArray(contacts.id, ids),
        sql`${contacts.ownerId} is distinct from ${ownerId}::uuid`,
      ),
    )
    .returning({ id: contacts.id });
  return rows.map((row) => row.id);
}

/** Moves the contacts that are in another stage; answers each one's id and former stage. */
export async function changeLifecycleStage(
  executor: Executor,
  tenantId: string,
  ids: string[],
  stage: (typeof lifecycleStages)[number],
) {
  if (ids.length === 0) return [];
  const former = executor
    .select({ id: contacts.id, stage: sql<string>`${contacts.lifecycleStage}`.as("former_stage") })
    .from(contacts)
    .where(
      and(eq(contacts.tenantId, tenantId), inArray(contacts.id, ids), ne(contacts.lifecycleStage, stage)),
    )
    .for("update")
    .as("former");
  return executor
    .update(contacts)
    .set({ lifecycleStage: stage, updatedAt: new Date() })
    .from(former)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, former.id)))
    .returning({ id: contacts.id, from: former.stage });
}
