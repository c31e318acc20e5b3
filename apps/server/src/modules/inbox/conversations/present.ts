import type { Executor } from "../../../platform/db/client.ts";
import type { ContactSummary, InboxCrm } from "../crm-port.ts";
import type { ConversationView } from "./dto.ts";
import type { ConversationRow } from "./repo.ts";

export const windowMs = 24 * 60 * 60 * 1000;

/** Whether a free-form reply is allowed now: within 24 hours of the customer's last message. */
export function windowOf(row: Pick<ConversationRow, "lastInboundAt">, now = new Date()) {
  const expiresAt = row.lastInboundAt ? new Date(row.lastInboundAt.getTime() + windowMs) : null;
  return { open: expiresAt !== null && expiresAt > now, expiresAt };
}

/** A conversation as the API shows it, with its contact's summary (null: a number the CRM no longer has). */
export function toConversationView(row: ConversationRow, contact: ContactSummary | null): ConversationView {
  const window = windowOf(row);
  return {
    id: row.id,
    channelId: row.channelId,
    contact: contact ?? {
      id: row.contactId,
      name: `+${row.customerWaId}`,
      phone: `+${row.customerWaId}`,
      email: null,
      avatarUrl: null,
    },
    customerWaId: row.customerWaId,
    status: row.status,
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
    assigneeId: row.assigneeId,
    unreadCount: row.unreadCount,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastMessagePreview: row.lastMessagePreview,
    lastMessageDirection: row.lastMessageDirection,
    window: { open: window.open, expiresAt: window.expiresAt?.toISOString() ?? null },
    createdAt: row.createdAt.toISOString(),
  };
}

/** Conversations with their contacts' names (one CRM query for any number of rows). */
export async function presentConversations(
  tx: Executor,
  crm: InboxCrm,
  tenantId: string,
  rows: ConversationRow[],
): Promise<ConversationView[]> {
  const contacts = await crm.summarizeContacts(tx, tenantId, [...new Set(rows.map((row) => row.contactId))]);
  return rows.map((row) => toConversationView(row, contacts.get(row.contactId) ?? null));
}
