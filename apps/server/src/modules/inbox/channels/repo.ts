import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { whatsappChannels, whatsappRoutes } from "../tables.ts";

export type ChannelRow = typeof whatsappChannels.$inferSelect;
export type RouteRow = typeof whatsappRoutes.$inferSelect;

/** Claims the number for this organisation; undefined when it is connected already, here or elsewhere. */
export async function insertRoute(executor: Executor, row: typeof whatsappRoutes.$inferInsert) {
  const [route] = await executor.insert(whatsappRoutes).values(row).onConflictDoNothing().returning();
  return route;
}

export async function insertChannel(executor: Executor, row: typeof whatsappChannels.$inferInsert) {
  const [channel] = await executor.insert(whatsappChannels).values(row).returning();
  if (!channel) throw new Error("the channel insert returned nothing");
  return channel;
}

export async function findChannel(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(whatsappChannels)
    .where(and(eq(whatsappChannels.tenantId, tenantId), eq(whatsappChannels.id, id)));
  return row;
}

export async function listChannels(executor: Executor, tenantId: string) {
  return executor
    .select()
    .from(whatsappChannels)
    .where(eq(whatsappChannels.tenantId, tenantId))
    .orderBy(asc(whatsappChannels.createdAt), asc(whatsappChannels.id));
}

export async function updateChannel(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<typeof whatsappChannels.$inferInsert>,
) {
  const [row] = await executor
    .update(whatsappChannels)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(whatsappChannels.tenantId, tenantId), eq(whatsappChannels.id, id)))
    .returning();
  return row;
}

export async function deleteChannel(executor: Executor, tenantId: string, id: string) {
  await executor
    .delete(whatsappRoutes)
    .where(and(eq(whatsappRoutes.tenantId, tenantId), eq(whatsappRoutes.channelId, id)));
  await executor
    .delete(whatsappChannels)
    .where(and(eq(whatsappChannels.tenantId, tenantId), eq(whatsappChannels.id, id)));
}

export async function updateRouteVerifyHash(
  executor: Executor,
  tenantId: string,
  channelId: string,
  hash: string,
) {
  await executor
    .update(whatsappRoutes)
    .set({ verifyTokenHash: hash })
    .where(and(eq(whatsappRoutes.tenantId, tenantId), eq(whatsappRoutes.channelId, channelId)));
}

/** Routes of these numbers across organisations (platform table: read before any tenant is known). */
export async function findRoutesByNumber(executor: Executor, phoneNumberIds: string[]) {
  if (phoneNumberIds.length === 0) return [];
  return executor.select().from(whatsappRoutes).where(inArray(whatsappRoutes.phoneNumberId, phoneNumberIds));
}

/** Routes of these business accounts: template and account webhooks name the account, not a number. */
export async function findRoutesByAccount(executor: Executor, wabaIds: string[]) {
  if (wabaIds.length === 0) return [];
  return executor.select().from(whatsappRoutes).where(inArray(whatsappRoutes.wabaId, wabaIds));
}

export async function hasRouteWithVerifyHash(executor: Executor, hash: string) {
  const [row] = await executor
    .select({ phoneNumberId: whatsappRoutes.phoneNumberId })
    .from(whatsappRoutes)
    .where(eq(whatsappRoutes.verifyTokenHash, hash))
    .limit(1);
  return row !== undefined;
}

/**
 * Every connected number of every organisation, from the platform routing table: what the
 * schedules that fan out per organisation or per number read.
 */
export async function listAllRoutes(executor: Executor) {
  return executor
    .select({ tenantId: whatsappRoutes.tenantId, channelId: whatsappRoutes.channelId })
    .from(whatsappRoutes)
    .orderBy(asc(whatsappRoutes.tenantId), asc(whatsappRoutes.channelId));
}

/** The organisations with at least one connected number. */
export async function listTenantsWithNumbers(executor: Executor) {
  return [...new Set((await listAllRoutes(executor)).map((route) => route.tenantId))];
}
