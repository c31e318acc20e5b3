import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { decodeCursor, encodeCursor, type Page } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import { loadConversation } from "../conversations/service.ts";
import type { InboxCrm } from "../crm-port.ts";
import { canInbox } from "../policy.ts";
import type {
  CannedReplyQuery,
  CannedReplyView,
  CreateCannedReplyInput,
  UpdateCannedReplyInput,
} from "./dto.ts";
import * as repo from "./repo.ts";
import { type ContactValues, renderCannedReply, unknownVariables } from "./variables.ts";

export type CannedReplyService = ReturnType<typeof createCannedReplyService>;

const shortcutTaken = (shortcut: string) =>
  new AppError("conflict", `The shortcut /${shortcut} is used by another canned reply.`, {
    errors: [{ field: "body.shortcut", message: "already used" }],
  });

function checkVariables(body: string | undefined) {
  const unknown = body ? unknownVariables(body) : [];
  if (unknown.length > 0) {
    throw new AppError("validation", `Unknown variable ${unknown.map((name) => `{{${name}}}`).join(", ")}.`, {
      errors: [{ field: "body.body", message: `unknown variable ${unknown.join(", ")}` }],
    });
  }
}

const present = (row: repo.CannedReplyRow, contact?: ContactValues): CannedReplyView => ({
  id: row.id,
  shortcut: row.shortcut,
  body: row.body,
  rendered: contact ? renderCannedReply(row.body, contact) : null,
  authorId: row.authorId,
  updatedAt: row.updatedAt.toISOString(),
});

/** Saved answers every member can add; changing or deleting one is for its author, admins and owners. */
export function createCannedReplyService(deps: { db: Db; crm: InboxCrm }) {
  const { db, crm } = deps;

  async function loadEditable(tx: Executor, actor: Actor, id: string) {
    const row = await repo.findCannedReply(tx, actor.tenantId, id);
    if (!row) throw notFound("The canned reply");
    if (row.authorId !== (actor.userId ?? null) && !canInbox(actor, "canned_replies.manage")) {
      throw new AppError("forbidden", "Only its author, owners and admins can change a canned reply.");
    }
    return row;
  }

  return {
    listCannedReplies: (actor: Actor, query: CannedReplyQuery): Promise<Page<CannedReplyView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        let contact: ContactValues | undefined;
        if (query.conversationId) {
          const conversation = await loadConversation(tx, actor, query.conversationId);
          contact = (await crm.summarizeContacts(tx, actor.tenantId, [conversation.contactId])).get(
            conversation.contactId,
          );
        }
        const rows = await repo.listCannedReplies(tx, actor.tenantId, {
          q: query.q,
          afterShortcut: decodeCursor(query.cursor),
          limit: query.limit + 1,
        });
        const page = rows.slice(0, query.limit);
        const last = page.at(-1);
        return {
          data: page.map((row) => present(row, contact)),
          nextCursor: rows.length > query.limit && last ? encodeCursor(last.shortcut) : null,
        };
      }),

    createCannedReply: (actor: Actor, input: CreateCannedReplyInput) => {
      checkVariables(input.body);
      return withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.insertCannedReply(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          shortcut: input.shortcut,
          body: input.body,
          authorId: actor.userId ?? null,
        });
        if (!row) throw shortcutTaken(input.shortcut);
        await recordAudit(tx, actor, {
          action: "canned_reply.created",
          targetType: "canned_reply",
          targetId: row.id,
          after: { shortcut: row.shortcut, body: row.body },
        });
        return present(row);
      });
    },

    updateCannedReply: (actor: Actor, id: string, input: UpdateCannedReplyInput) => {
      checkVariables(input.body);
      return withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadEditable(tx, actor, id);
        if (input.shortcut && input.shortcut !== before.shortcut) {
          const holder = await repo.findCannedReplyByShortcut(tx, actor.tenantId, input.shortcut);
          if (holder && holder.id !== id) throw shortcutTaken(input.shortcut);
        }
        const row = await repo.updateCannedReply(tx, actor.tenantId, id, input);
        if (!row) throw notFound("The canned reply");
        await recordAudit(tx, actor, {
          action: "canned_reply.updated",
          targetType: "canned_reply",
          targetId: id,
          before: { shortcut: before.shortcut, body: before.body },
          after: { shortcut: row.shortcut, body: row.body },
        });
        return present(row);
      });
    },

    deleteCannedReply: (actor: Actor, id: string) =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadEditable(tx, actor, id);
        await repo.deleteCannedReply(tx, actor.tenantId, id);
        await recordAudit(tx, actor, {
          action: "canned_reply.deleted",
          targetType: "canned_reply",
          targetId: id,
          before: { shortcut: before.shortcut, body: before.body },
        });
      }),
  };
}
