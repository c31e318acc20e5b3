import { and, desc, eq, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { contacts } from "./tables.ts";

export type ContactRow = typeof contacts.$inferSelect;

const escapeLike = (text: string) => text.replaceAll(/[\\%_]/g, (character) => `\\${character}`);

export async function insertContact(executor: Executor, row: typeof contacts.$inferInsert) {
  const [created] = await executor.insert(contacts).values(row).returning();
  return created as ContactRow;
}

/** Newest first; `search` matches name or email as typed, `digits` any part of the phone. */
export async function listContacts(
  executor: Executor,
  tenantId: string,
  filter: { search?: string; digits?: string },
  page: { beforeId?: string; limit: number },
) {
  const matches: SQL[] = [];
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    matches.push(ilike(contacts.name, pattern), ilike(contacts.email, pattern));
  }
  if (filter.digits) matches.push(sql`${contacts.phone} like ${`%${filter.digits}%`}`);
  return executor
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        matches.length > 0 ? or(...matches) : undefined,
        page.beforeId ? lt(contacts.id, page.beforeId) : undefined,
      ),
    )
    .orderBy(desc(contacts.id))
    .limit(page.limit + 1);
}

export async function findContact(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)));
  return row;
}

export async function updateContact(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<Pick<ContactRow, "name" | "email" | "phone" | "phoneAsEntered">>,
) {
  const [row] = await executor
    .update(contacts)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)))
    .returning();
  return row;
}

export async function deleteContact(executor: Executor, tenantId: string, id: string) {
  await executor.delete(contacts).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)));
}
