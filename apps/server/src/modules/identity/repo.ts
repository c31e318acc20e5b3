import { and, desc, eq, isNull, lt } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { apiKeys, organizations } from "./tables.ts";

export type OrganizationRow = typeof organizations.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertOrganization(executor: Executor, row: typeof organizations.$inferInsert) {
  const [created] = await executor.insert(organizations).values(row).returning();
  return created as OrganizationRow;
}

export async function findOrganizationBySlug(executor: Executor, slug: string) {
  const [row] = await executor.select().from(organizations).where(eq(organizations.slug, slug));
  return row;
}

export async function listOrganizationIds(executor: Executor): Promise<string[]> {
  const rows = await executor.select({ id: organizations.id }).from(organizations);
  return rows.map((row) => row.id);
}

/** A live organisation (one being erased counts as gone). */
export async function findOrganization(executor: Executor, id: string) {
  const [row] = await executor
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), isNull(organizations.deletedAt)));
  return row;
}

export async function updateOrganization(
  executor: Executor,
  id: string,
  changes: Partial<Pick<OrganizationRow, "name" | "deletedAt" | "requireTwoFactor">>,
) {
  const [row] = await executor.update(organizations).set(changes).where(eq(organizations.id, id)).returning();
  return row as OrganizationRow;
}

export async function deleteOrganization(executor: Executor, id: string) {
  await executor.delete(organizations).where(eq(organizations.id, id));
}

export async function findActiveApiKeyByHash(executor: Executor, tenantId: string, secretHash: string) {
  const [row] = await executor
    .select()
    .from(apiKeys)
    .where(
      and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)),
    );
  return row;
}

export async function listApiKeys(
  executor: Executor,
  tenantId: string,
  page: { afterId?: string; limit: number },
) {
  return executor
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), page.afterId ? lt(apiKeys.id, page.afterId) : undefined))
    .orderBy(desc(apiKeys.id))
    .limit(page.limit + 1);
}

export async function insertApiKey(executor: Executor, row: typeof apiKeys.$inferInsert) {
  const [created] = await executor.insert(apiKeys).values(row).returning();
  return created as ApiKeyRow;
}

export async function findApiKey(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)));
  return row;
}

export async function touchApiKey(executor: Executor, tenantId: string, id: string) {
  await executor
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)));
}

export async function markApiKeyRevoked(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  return row;
}
