import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { decodeIdCursor, type Page, type PageQuery, toPage } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import type { MemberCheck } from "../contacts/prepare.ts";
import { findContact } from "../contacts/repo.ts";
import { assertCrm } from "../policy.ts";
import { appendActivities } from "../timeline/activity.ts";
import type { CreateNoteInput, NoteView, UpdateNoteInput } from "./dto.ts";
import * as repo from "./repo.ts";

export type NoteService = ReturnType<typeof createNoteService>;

const present = (row: repo.NoteRow): NoteView => ({
  id: row.id,
  contactId: row.contactId,
  authorId: row.authorId,
  body: row.body,
  mentions: row.mentions,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** What the audit log keeps of a note: who it mentions and how long it is, not what it says. */
const audited = (row: repo.NoteRow) => ({
  contactId: row.contactId,
  mentions: row.mentions,
  length: row.body.length,
});

/** Markdown notes on a contact, with mentions of members; the author or an admin changes them. */
export function createNoteService(deps: { db: Db; checkMembers: MemberCheck }) {
  const { db, checkMembers } = deps;

  /** The mentions without repeats; each one that is not a member is named (`body.mentions.N`). */
  async function checkMentions(actor: Actor, mentions: string[] | undefined) {
    if (mentions === undefined) return undefined;
    const members = mentions.length > 0 ? await checkMembers(actor, mentions) : new Set<string>();
    const errors = mentions.flatMap((userId, index) =>
      members.has(userId)
        ? []
        : [{ field: `body.mentions.${index}`, message: "not a member of this organisation" }],
    );
    if (errors.length > 0) {
      throw new AppError("validation", "A note can only mention members of the organisation.", { errors });
    }
    return [...new Set(mentions)];
  }

  async function loadContact(tx: Executor, actor: Actor, contactId: string) {
    if (!(await findContact(tx, actor.tenantId, contactId))) throw notFound("The contact");
  }

  async function loadEditableNote(tx: Executor, actor: Actor, contactId: string, noteId: string) {
    await loadContact(tx, actor, contactId);
    const note = await repo.findNote(tx, actor.tenantId, contactId, noteId);
    if (!note) throw notFound("The note");
    if (!actor.userId || note.authorId !== actor.userId) assertCrm(actor, "notes.moderate");
    return note;
  }

  return {
    /** The contact's notes, newest first, keyset-paged. */
    listNotes: (actor: Actor, contactId: string, query: PageQuery): Promise<Page<NoteView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        await loadContact(tx, actor, contactId);
        const rows = await repo.listNotes(tx, actor.tenantId, contactId, {
          beforeId: decodeIdCursor(query.cursor),
          limit: query.limit + 1,
        });
        return toPage(rows, query.limit, present, (row) => row.id);
      }),

    /**
     * Adds a note written by the calling member (no author for an API key), appends `note.added`
     * to the timeline and publishes `crm.note.created` with the mentions, for notifications.
     */
    createNote: async (actor: Actor, contactId: string, input: CreateNoteInput): Promise<NoteView> => {
      const mentions = (await checkMentions(actor, input.mentions)) ?? [];
      return withTenant(db, actor.tenantId, async (tx) => {
        await loadContact(tx, actor, contactId);
        const row = await repo.insertNote(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          contactId,
          authorId: actor.userId ?? null,
          body: input.body,
          mentions,
        });
        await appendActivities(tx, actor.tenantId, [
          {
            contactId,
            kind: "note.added",
            summary: "Note added",
            data: { noteId: row.id },
            actorId: actor.userId ?? null,
          },
        ]);
        await recordAudit(tx, actor, {
          action: "note.create",
          targetType: "note",
          targetId: row.id,
          after: audited(row),
        });
        await publishEvent(tx, {
          type: "crm.note.created",
          tenantId: actor.tenantId,
          data: { contactId, noteId: row.id, mentions },
        });
        return present(row);
      });
    },

    /** Changes a note (its author, owners and admins); newly mentioned members are published. */
    updateNote: async (actor: Actor, contactId: string, noteId: string, input: UpdateNoteInput) => {
      const mentions = await checkMentions(actor, input.mentions);
      return withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadEditableNote(tx, actor, contactId, noteId);
        const after =
          (await repo.updateNote(tx, actor.tenantId, noteId, {
            ...(input.body === undefined ? {} : { body: input.body }),
            ...(mentions === undefined ? {} : { mentions }),
          })) ?? before;
        await recordAudit(tx, actor, {
          action: "note.update",
          targetType: "note",
          targetId: noteId,
          before: audited(before),
          after: audited(after),
        });
        await publishEvent(tx, {
          type: "crm.note.updated",
          tenantId: actor.tenantId,
          data: {
            contactId,
            noteId,
            mentions: after.mentions.filter((userId) => !before.mentions.includes(userId)),
          },
        });
        return present(after);
      });
    },

    /** Deletes a note (its author, owners and admins). */
    deleteNote: (actor: Actor, contactId: string, noteId: string) =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadEditableNote(tx, actor, contactId, noteId);
        await repo.deleteNote(tx, actor.tenantId, noteId);
        await recordAudit(tx, actor, {
          action: "note.delete",
          targetType: "note",
          targetId: noteId,
          before: audited(before),
        });
        await publishEvent(tx, {
          type: "crm.note.deleted",
          tenantId: actor.tenantId,
          data: { contactId, noteId },
        });
      }),
  };
}
