import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { decodeSortCursor, encodeSortCursor, type Page } from "../../../platform/http/pagination.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import type { InboxCrm } from "../crm-port.ts";
import type { ConversationQuery, ConversationView, UpdateConversationInput } from "./dto.ts";
import { sendReadReceiptJob } from "./jobs.ts";
import { presentConversations, toConversationView } from "./present.ts";
import * as repo from "./repo.ts";

export type ConversationService = ReturnType<typeof createConversationService>;
type MemberCheck = (actor: Actor, userIds: string[]) => Promise<Set<string>>;

/** Loads a conversation of the caller's organisation, or answers 404. */
export async function loadConversation(tx: Executor, actor: Actor, id: string) {
  const row = await repo.findConversation(tx, actor.tenantId, id);
  if (!row) throw notFound("The conversation");
  return row;
}

const auditedFields = (row: repo.ConversationRow) => ({
  status: row.status,
  snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
  assigneeId: row.assigneeId,
});

/** The team inbox: lists by view and status, assignment, status changes, read state. */
export function createConversationService(deps: { db: Db; crm: InboxCrm; checkMembers: MemberCheck }) {
  const { db, crm } = deps;

  async function present(tx: Executor, actor: Actor, row: repo.ConversationRow) {
    const [view] = await presentConversations(tx, crm, actor.tenantId, [row]);
    if (!view) throw new Error("presenting a conversation answered nothing");
    return view;
  }

  async function checkChanges(actor: Actor, input: UpdateConversationInput) {
    if (input.status === "snoozed" && !input.snoozedUntil) {
      throw new AppError("validation", "A snoozed conversation needs a time to wake up.", {
        errors: [{ field: "body.snoozedUntil", message: "required with status snoozed" }],
      });
    }
    if (input.snoozedUntil && new Date(input.snoozedUntil) <= new Date()) {
      throw new AppError("validation", "The snooze must end in the future.", {
        errors: [{ field: "body.snoozedUntil", message: "must be in the future" }],
      });
    }
    if (input.assigneeId && !(await deps.checkMembers(actor, [input.assigneeId])).has(input.assigneeId)) {
      throw new AppError("validation", "The assignee is not a member of this organisation.", {
        errors: [{ field: "body.assigneeId", message: "not a member" }],
      });
    }
  }

  return {
    /** Newest activity first; `view` mine/unassigned/all, by status (active = not resolved), number, contact. */
    listConversations: (actor: Actor, query: ConversationQuery): Promise<Page<ConversationView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const after = decodeSortCursor(query.cursor);
        const assigneeId =
          query.assigneeId ??
          (query.view === "mine" ? (actor.userId ?? null) : query.view === "unassigned" ? null : undefined);
        const rows = await repo.listConversations(
          tx,
          actor.tenantId,
          {
            status: query.status,
            assigneeId,
            channelId: query.channelId,
            contactId: query.contactId,
            unreadOnly: query.unread,
            contactIn: query.tagId ? crm.contactsWithTagQuery(actor.tenantId, query.tagId) : undefined,
            ids: query.q ? await repo.searchConversationIds(tx, actor.tenantId, query.q) : undefined,
          },
          { after: after?.value ? { at: after.value, id: after.id } : undefined, limit: query.limit + 1 },
          crm.contactSummaryQuery,
        );
        const pageRows = rows.slice(0, query.limit);
        const last = pageRows.at(-1)?.conversation;
        return {
          data: pageRows.map((row) => toConversationView(row.conversation, row.contact)),
          nextCursor:
            rows.length > query.limit && last
              ? encodeSortCursor(last.lastMessageAt.toISOString(), last.id)
              : null,
        };
      }),

    getConversation: (actor: Actor, id: string) =>
      withTenant(db, actor.tenantId, async (tx) => present(tx, actor, await loadConversation(tx, actor, id))),

    /** Assigns, unassigns, snoozes, resolves or reopens; resolving a conversation keeps its messages. */
    updateConversation: async (actor: Actor, id: string, input: UpdateConversationInput) => {
      await checkChanges(actor, input);
      return withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadConversation(tx, actor, id);
        const status = input.status ?? (input.snoozedUntil ? "snoozed" : before.status);
        if (status !== "resolved" && before.status === "resolved") {
          const open = await repo.findOpenConversationForUpdate(
            tx,
            actor.tenantId,
            before.channelId,
            before.contactId,
          );
          if (open) {
            throw new AppError(
              "conflict",
              "This contact has another open conversation on this number; continue there.",
              {
                code: "conversation_open_elsewhere",
                extensions: { conversationId: open.id },
              },
            );
          }
        }
        const row = await repo.updateConversation(tx, actor.tenantId, id, {
          status,
          snoozedUntil:
            status === "snoozed" ? new Date(input.snoozedUntil ?? before.snoozedUntil ?? Date.now()) : null,
          ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
          resolvedAt: status === "resolved" ? (before.resolvedAt ?? new Date()) : null,
        });
        if (!row) throw notFound("The conversation");
        await recordAudit(tx, actor, {
          action: "conversation.updated",
          targetType: "conversation",
          targetId: id,
          before: auditedFields(before),
          after: auditedFields(row),
        });
        await publishEvent(tx, {
          type: "inbox.conversation.updated",
          tenantId: actor.tenantId,
          data: { conversationId: id, status: row.status, assigneeId: row.assigneeId },
        });
        return present(tx, actor, row);
      });
    },

    /** Marks the conversation read for the team (unread back to zero) and for the customer (blue ticks). */
    markRead: (actor: Actor, id: string) =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadConversation(tx, actor, id);
        if (before.unreadCount === 0) return present(tx, actor, before);
        const row = await repo.updateConversation(tx, actor.tenantId, id, { unreadCount: 0 });
        if (!row) throw notFound("The conversation");
        await enqueue(tx, sendReadReceiptJob, { tenantId: actor.tenantId, conversationId: id });
        await publishEvent(tx, {
          type: "inbox.conversation.updated",
          tenantId: actor.tenantId,
          data: { conversationId: id, unreadCount: 0 },
        });
        return present(tx, actor, row);
      }),

    unreadCounts: (actor: Actor) =>
      withTenant(db, actor.tenantId, (tx) => repo.countUnread(tx, actor.tenantId, actor.userId ?? null)),
  };
}
