import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { mediaFiles, messages } from "../tables.ts";

export type MessageRow = typeof messages.$inferSelect;
export type MediaRow = typeof mediaFiles.$inferSelect;

/** Inserts unless the provider's id is stored already (a redelivered webhook); undefined then. */
export async function insertMessage(executor: Executor, row: typeof messages.$inferInsert) {
  const [created] = await executor.insert(messages).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findMessage(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, id)));
  return row;
}

/** Newest first, keyset on (occurredAt, id): a chat opens on its latest messages and loads older ones. */
export async function listMessages(
  executor: Executor,
  tenantId: string,
  conversationId: string,
  page: { before?: { at: string; id: string }; limit: number },
) {
  return executor
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        page.before
          ? sql`(${messages.occurredAt}, ${messages.id}) < (${page.before.at}::timestamptz, ${page.before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(messages.occurredAt), desc(messages.id))
    .limit(page.limit);
}

export async function updateMessage(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<typeof messages.$inferInsert>,
) {
  const [row] = await executor
    .update(messages)
    .set(changes)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, id)))
    .returning();
  return row;
}

const statusRank = sql`array_position(array['queued','sent','delivered','read']::text[], ${messages.status})`;

/**
 * Applies a delivery status to an outbound message found by our id or the provider's, only forward:
 * a late `delivered` never replaces `read`; `failed` replaces anything but `read`. Answers the
 * message when it changed.
 */
export async function applyDeliveryStatus(
  executor: Executor,
  tenantId: string,
  target: { id?: string; channelId: string; providerMessageId: string | null },
  update: {
    status: "sent" | "delivered" | "read" | "failed";
    at: Date;
    error?: { code: number; title: string; detail?: string };
  },
) {
  const rank = { sent: 2, delivered: 3, read: 4, failed: 0 }[update.status];
  const forward =
    update.status === "failed"
      ? sql`${messages.status} in ('queued', 'sent', 'delivered')`
      : sql`${statusRank} < ${rank}`;
  const identity = target.id
    ? eq(messages.id, target.id)
    : and(
        eq(messages.channelId, target.channelId),
        eq(messages.providerMessageId, target.providerMessageId ?? ""),
      );
  const [row] = await executor
    .update(messages)
    .set({
      status: update.status,
      statusAt: update.at,
      ...(target.providerMessageId
        ? { providerMessageId: sql`coalesce(${messages.providerMessageId}, ${target.providerMessageId})` }
        : {}),
      ...(update.error
        ? {
            errorCode: update.error.code,
            errorTitle: update.error.title,
            errorDetail: update.error.detail ?? null,
          }
        : {}),
    })
    .where(and(eq(messages.tenantId, tenantId), eq(messages.direction, "outbound"), identity, forward))
    .returning();
  return row;
}

export async function insertMedia(executor: Executor, row: typeof mediaFiles.$inferInsert) {
  const [created] = await executor.insert(mediaFiles).values(row).returning();
  if (!created) throw new Error("the media insert returned nothing");
  return created;
}

export async function findMedia(executor: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.tenantId, tenantId), inArray(mediaFiles.id, ids)));
}

export async function updateMedia(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<typeof mediaFiles.$inferInsert>,
) {
  await executor
    .update(mediaFiles)
    .set(changes)
    .where(and(eq(mediaFiles.tenantId, tenantId), eq(mediaFiles.id, id)));
}

export async function deleteMedia(executor: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return executor
    .delete(mediaFiles)
    .where(and(eq(mediaFiles.tenantId, tenantId), inArray(mediaFiles.id, ids)))
    .returning({ storageKey: mediaFiles.storageKey });
}

export async function listMessagesOfConversations(
  executor: Executor,
  tenantId: string,
  conversationIds: string[],
) {
  if (conversationIds.length === 0) return [];
  return executor
    .select()
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.conversationId, conversationIds)))
    .orderBy(messages.occurredAt, messages.id);
}

/** The provider id of the customer's latest message in the conversation (what a read receipt names). */
export async function latestInboundProviderId(executor: Executor, tenantId: string, conversationId: string) {
  const [row] = await executor
    .select({ providerMessageId: messages.providerMessageId })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "inbound"),
      ),
    )
    .orderBy(desc(messages.occurredAt), desc(messages.id))
    .limit(1);
  return row?.providerMessageId ?? undefined;
}

/** Which of these provider ids are stored already on these numbers (as `channelId:providerId`): redeliveries. */
export async function findStoredProviderIds(
  executor: Executor,
  tenantId: string,
  channelIds: string[],
  providerIds: string[],
) {
  if (providerIds.length === 0) return new Set<string>();
  const rows = await executor
    .select({ channelId: messages.channelId, providerMessageId: messages.providerMessageId })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        inArray(messages.channelId, channelIds),
        inArray(messages.providerMessageId, providerIds),
      ),
    );
  return new Set(rows.map((row) => `${row.channelId}:${row.providerMessageId}`));
}

/** Inserts many; those whose provider id is stored already (a concurrent redelivery) are skipped. */
export async function insertMessages(executor: Executor, rows: (typeof messages.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return executor.insert(messages).values(rows).onConflictDoNothing().returning();
}
