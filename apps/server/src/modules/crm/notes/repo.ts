import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { notes } from "../tables.ts";

export type NoteRow = typeof notes.$inferSelect;

export async function insertNote(executor: Executor, row: typeof notes.$inferInsert) {
  const [created] = await executor.insert(notes).values(row).returning();
  return created as NoteRow;
}

/** The note, only when it is on this contact. */
export async function findNote(executor: Executor, tenantId: string, contactId: string, id: string) {
  const [row] = await executor
    .select()
    .from(notes)
    .where(and(eq(notes.tenantId, tenantId), eq(notes.contactId, contactId), eq(notes.id, id)));
  return row;
}

/** A page of the contact's notes, newest first, after `beforeId`. */
export async function listNotes(
  executor: Executor,
  tenantId: string,
  contactId: string,
  page: { beforeId?: string; limit: number },
) {
  return executor
    .select()
    .from(notes)
    .where(
      and(
        eq(notes.tenantId, tenantId),
        eq(notes.contactId, contactId),
        page.beforeId ? sql`${notes.id} < ${page.beforeId}::uuid` : undefined,
      ),
    )
    .orderBy(desc(notes.id))
    .limit(page.limit);
}

export async function updateNote(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<Pick<NoteRow, "body" | "mentions">>,
) {
  const [row] = await executor
    .update(notes)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(notes.tenantId, tenantId), eq(notes.id, id)))
    .returning();
  return row;
}

export async function deleteNote(executor: Executor, tenantId: string, id: string) {
  await executor.delete(notes).where(and(eq(notes.tenantId, tenantId), eq(notes.id, id)));
}
