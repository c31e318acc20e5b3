import { and, desc, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { escapeLike } from "../../../platform/db/like.ts";
import type { InboxCrm } from "../crm-port.ts";
import { conversations, messages } from "../tables.ts";

export type ConversationRow = typeof conversations.$inferSelect;

export async function findConversation(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, id)));
  return row;
}

/** The conversation of this contact on this number that is not resolved, locked for the caller's update. */
export async function findOpenConversationForUpdate(
  executor: Executor,
  tenantId: string,
  channelId: string,
  contactId: string,
) {
  const [row] = await executor
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.tenantId, tenantId),
        eq(conversations.channelId, channelId),
        eq(conversations.contactId, contactId),
        ne(conversations.status, "resolved"),
      ),
    )
    .for("update");
  return row;
}

/** Inserts unless another is open for the contact and number already (a concurrent first message). */
export async function insertConversation(executor: Executor, row: typeof conversations.$inferInsert) {
  const [created] = await executor.insert(conversations).values(row).onConflictDoNothing().returning();
  return created;
}

export async function updateConversation(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<typeof conversations.$inferInsert>,
) {
  const [row] = await executor
    .update(conversations)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, id)))
    .returning();
  return row;
}

/** One of our messages went out: the list's last-message facts move forward (the window does not). */
export async function recordOutboundMessage(
  executor: Executor,
  tenantId: string,
  id: string,
  message: { at: Date; preview: string },
) {
  const newer = sql`${message.at.toISOString()}::timestamptz >= ${conversations.lastMessageAt}`;
  await executor
    .update(conversations)
    .set({
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${message.at.toISOString()}::timestamptz)`,
      lastMessagePreview: sql`case when ${newer} then ${message.preview} else ${conversations.lastMessagePreview} end`,
      lastMessageDirection: sql`case when ${newer} then 'outbound' else ${conversations.lastMessageDirection} end`,
      updatedAt: new Date(),
    })
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, id)));
}

export type ConversationListFilter = {
  status?: ConversationRow["status"] | "active";
  assigneeId?: string | null;
  channelId?: string;
  contactId?: string;
  unreadOnly?: boolean;
  /** A subquery of contact ids (contacts with a tag). */
  contactIn?: SQL;
  /** Only these conversations (search results). */
  ids?: string[];
};

/**
 * Newest activity first, keyset on (lastMessageAt, id), each with its contact's summary from
 * `contactSummary` (the CRM's correlated subquery): one query for the page.
 */
export async function listConversations(
  executor: Executor,
  tenantId: string,
  filter: ConversationListFilter,
  page: { after?: { at: string; id: string }; limit: number },
  contactSummary: InboxCrm["contactSummaryQuery"],
) {
  const conditions: (SQL | undefined)[] = [eq(conversations.tenantId, tenantId)];
  if (filter.status === "active") conditions.push(ne(conversations.status, "resolved"));
  else if (filter.status) conditions.push(eq(conversations.status, filter.status));
  if (filter.assigneeId === null) conditions.push(isNull(conversations.assigneeId));
  else if (filter.assigneeId) conditions.push(eq(conversations.assigneeId, filter.assigneeId));
  if (filter.channelId) conditions.push(eq(conversations.channelId, filter.channelId));
  if (filter.contactId) conditions.push(eq(conversations.contactId, filter.contactId));
  if (filter.unreadOnly) conditions.push(sql`${conversations.unreadCount} > 0`);
  if (filter.contactIn) conditions.push(sql`${conversations.contactId} in ${filter.contactIn}`);
  if (filter.ids) conditions.push(sql`${conversations.id} = any(${`{${filter.ids.join(",")}}`}::uuid[])`);
  if (page.after) {
    conditions.push(
      sql`(${conversations.lastMessageAt}, ${conversations.id}) < (${page.after.at}::timestamptz, ${page.after.id}::uuid)`,
    );
  }
  return executor
    .select({
      conversation: conversations,
      contact: contactSummary({
        tenantId: sql`${conversations}.tenant_id`,
        contactId: sql`${conversations}.contact_id`,
      }),
    })
    .from(conversations)
    .where(and(...conditions))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(page.limit);
}

/** Unread conversations and messages per view, for the inbox's counters. */
export async function countUnread(executor: Executor, tenantId: string, userId: string | null) {
  const [row] = await executor
    .select({
      all: sql<number>`count(*) filter (where ${conversations.unreadCount} > 0)::int`,
      mine: sql<number>`count(*) filter (where ${conversations.unreadCount} > 0 and ${conversations.assigneeId} = ${userId})::int`,
      unassigned: sql<number>`count(*) filter (where ${conversations.unreadCount} > 0 and ${conversations.assigneeId} is null)::int`,
    })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), ne(conversations.status, "resolved")));
  return row ?? { all: 0, mine: 0, unassigned: 0 };
}

/** Moves a merged contact's conversations to the survivor; an open one that would be a second open thread on its number is resolved. */
export async function moveConversationsToContact(
  executor: Executor,
  tenantId: string,
  fromIds: string[],
  toId: string,
) {
  if (fromIds.length === 0) return;
  await executor.execute(sql`
    update ${conversations} moved set status = 'resolved', resolved_at = coalesce(moved.resolved_at, now())
    where moved.tenant_id = ${tenantId} and moved.contact_id in (${sql.join(
      fromIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and moved.status <> 'resolved'
      and exists (select 1 from ${conversations} kept where kept.tenant_id = moved.tenant_id
        and kept.channel_id = moved.channel_id and kept.contact_id = ${toId} and kept.status <> 'resolved')`);
  await executor.execute(sql`
    update ${conversations} set contact_id = ${toId}, updated_at = now()
    where tenant_id = ${tenantId} and contact_id in (${sql.join(
      fromIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
}

export async function findConversationsOfContact(executor: Executor, tenantId: string, contactId: string) {
  return executor
    .select()
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, contactId)));
}

/** Deletes a contact's conversations (their messages go with them); answers the media ids they held. */
export async function deleteConversationsOfContact(executor: Executor, tenantId: string, contactId: string) {
  const media = await executor.execute<{ media_id: string }>(sql`
    select m.media_id from ${messages} m join ${conversations} c on c.tenant_id = m.tenant_id and c.id = m.conversation_id
    where c.tenant_id = ${tenantId} and c.contact_id = ${contactId} and m.media_id is not null`);
  await executor
    .delete(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, contactId)));
  return media.rows.map((row) => row.media_id);
}

/** Reopens snoozed conversations whose time has come; answers their ids. */
export async function wakeSnoozedConversations(executor: Executor, tenantId: string) {
  const rows = await executor
    .update(conversations)
    .set({ status: "open", snoozedUntil: null, updatedAt: new Date() })
    .where(
      and(
        eq(conversations.tenantId, tenantId),
        eq(conversations.status, "snoozed"),
        sql`${conversations.snoozedUntil} <= now()`,
      ),
    )
    .returning({ id: conversations.id });
  return rows.map((row) => row.id);
}

/** Matching conversations found at most: enough for a result page, bounded for a common word. */
const searchCap = 1_000;

/**
 * Conversations with a message or note containing `term` (trigram lookup, see migration 0017), or
 * whose customer's number contains its digits.
 */
export async function searchConversationIds(
  executor: Executor,
  tenantId: string,
  term: string,
): Promise<string[]> {
  const pattern = `%${escapeLike(term.toLowerCase())}%`;
  const found = await executor.execute<{ id: string }>(
    sql`select sbos_message_search(${pattern}, ${searchCap * 5}) as id`,
  );
  const ids = new Set(found.rows.map((row) => row.id));
  const digits = term.replace(/\D/g, "");
  if (digits.length >= 3) {
    const byNumber = await executor
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(eq(conversations.tenantId, tenantId), sql`${conversations.customerWaId} like ${`%${digits}%`}`),
      )
      .limit(searchCap);
    for (const row of byNumber) ids.add(row.id);
  }
  return [...ids].slice(0, searchCap);
}

/** The unresolved conversations of these (number, contact) pairs, locked for the caller's update. */
export async function findOpenConversationsForUpdate(
  executor: Executor,
  tenantId: string,
  pairs: { channelId: string; contactId: string }[],
) {
  if (pairs.length === 0) return [];
  const wanted = sql.join(
    pairs.map((pair) => sql`(${pair.channelId}::uuid, ${pair.contactId}::uuid)`),
    sql`, `,
  );
  return executor
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.tenantId, tenantId),
        ne(conversations.status, "resolved"),
        sql`(${conversations.channelId}, ${conversations.contactId}) in (${wanted})`,
      ),
    )
    .for("update");
}

/**
 * Customer messages arrived in these conversations: last-message facts move forward (never back:
 * webhooks arrive out of order), the window restarts, unread counts grow, and a pending or snoozed
 * conversation reopens. One statement for the whole batch.
 */
export async function recordInboundMessages(
  executor: Executor,
  tenantId: string,
  updates: { conversationId: string; at: Date; preview: string; count: number }[],
) {
  if (updates.length === 0) return;
  const values = JSON.stringify(
    updates.map((update) => ({
      id: update.conversationId,
      at: update.at.toISOString(),
      preview: update.preview,
      count: update.count,
    })),
  );
  await executor.execute(sql`
    update ${conversations} c set
      last_message_preview = case when v.at >= c.last_message_at then v.preview else c.last_message_preview end,
      last_message_direction = case when v.at >= c.last_message_at then 'inbound' else c.last_message_direction end,
      last_message_at = greatest(c.last_message_at, v.at),
      last_inbound_at = greatest(c.last_inbound_at, v.at),
      unread_count = c.unread_count + v.count,
      status = case when c.status in ('pending', 'snoozed') then 'open' else c.status end,
      snoozed_until = case when c.status in ('pending', 'snoozed') then null else c.snoozed_until end,
      updated_at = now()
    from jsonb_to_recordset(${values}::jsonb) as v(id uuid, at timestamptz, preview text, count integer)
    where c.tenant_id = ${tenantId} and c.id = v.id`);
}
