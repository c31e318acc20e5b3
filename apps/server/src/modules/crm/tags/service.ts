import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { decodeCursor, type Page, toPage } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import { findContact, touchContacts } from "../contacts/repo.ts";
import { assertCrm } from "../policy.ts";
import { appendActivities } from "../timeline/activity.ts";
import type { CreateTagInput, TagQuery, TagView, UpdateTagInput } from "./dto.ts";
import { pickTagColor } from "./palette.ts";
import * as repo from "./repo.ts";

export type TagService = ReturnType<typeof createTagService>;

const present = (row: { tag: repo.TagRow; contactCount: number }): TagView => ({
  id: row.tag.id,
  name: row.tag.name,
  color: row.tag.color,
  contactCount: Number(row.contactCount),
  createdAt: row.tag.createdAt.toISOString(),
});

const nameTaken = (name: string) =>
  new AppError("conflict", `A tag named "${name}" exists already (names ignore case).`, {
    errors: [{ field: "body.name", message: "already used by another tag" }],
  });

type TagRef = Pick<repo.TagRow, "id" | "name">;

/**
 * Tags contacts in one statement (their `updatedAt` moves on) and appends `tag.added` to the timeline of each contact that did
 * not have the tag; inside the caller's transaction (bulk actions call it). Answers those contacts' ids.
 */
export async function addTagToContacts(
  tx: Executor,
  tenantId: string,
  actorId: string | null,
  contactIds: string[],
  tag: TagRef,
) {
  const tagged = await repo.tagContacts(tx, tenantId, contactIds, tag.id);
  await touchContacts(tx, tenantId, tagged);
  await appendActivities(
    tx,
    tenantId,
    tagged.map((contactId) => ({
      contactId,
      kind: "tag.added",
      summary: `Tagged ${tag.name}`,
      data: { tagId: tag.id, name: tag.name },
      actorId,
    })),
  );
  return tagged;
}

/** Untags contacts in one statement and appends `tag.removed` to the timeline of each that had it. */
export async function removeTagFromContacts(
  tx: Executor,
  tenantId: string,
  actorId: string | null,
  contactIds: string[],
  tag: TagRef,
) {
  const untagged = await repo.untagContacts(tx, tenantId, contactIds, tag.id);
  await touchContacts(tx, tenantId, untagged);
  await appendActivities(
    tx,
    tenantId,
    untagged.map((contactId) => ({
      contactId,
      kind: "tag.removed",
      summary: `Untagged ${tag.name}`,
      data: { tagId: tag.id, name: tag.name },
      actorId,
    })),
  );
  return untagged;
}

/** Coloured labels on contacts, unique per organisation ignoring case. */
export function createTagService(deps: { db: Db }) {
  const { db } = deps;

  async function loadTag(tx: Executor, actor: Actor, id: string) {
    const row = await repo.findTag(tx, actor.tenantId, id);
    if (!row) throw notFound("The tag");
    return row;
  }

  async function loadContactAndTag(tx: Executor, actor: Actor, contactId: string, tagId: string) {
    if (!(await findContact(tx, actor.tenantId, contactId))) throw notFound("The contact");
    return loadTag(tx, actor, tagId);
  }

  /** Tags or untags one contact; a change is audited and announced, a repeat changes nothing. */
  async function changeTagging(actor: Actor, contactId: string, tagId: string, add: boolean) {
    await withTenant(db, actor.tenantId, async (tx) => {
      const tag = await loadContactAndTag(tx, actor, contactId, tagId);
      const change = add ? addTagToContacts : removeTagFromContacts;
      const changed = await change(tx, actor.tenantId, actor.userId ?? null, [contactId], tag);
      if (changed.length === 0) return;
      await recordAudit(tx, actor, {
        action: add ? "contact.tag.add" : "contact.tag.remove",
        targetType: "contact",
        targetId: contactId,
        ...(add ? { after: { tagId } } : { before: { tagId } }),
      });
      await publishEvent(tx, { type: "crm.contact.updated", tenantId: actor.tenantId, data: { contactId } });
    });
  }

  return {
    /** Creates a tag; a name another tag has (ignoring case) is a 409. */
    createTag: (actor: Actor, input: CreateTagInput): Promise<TagView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.insertTag(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          name: input.name,
          color: input.color ?? pickTagColor(input.name),
        });
        if (!row) throw nameTaken(input.name);
        await recordAudit(tx, actor, {
          action: "tag.create",
          targetType: "tag",
          targetId: row.id,
          after: { name: row.name, color: row.color },
        });
        return present({ tag: row, contactCount: 0 });
      }),

    /** Tags in name order (ignoring case) with their number of contacts; `q` is a name prefix. */
    listTags: (actor: Actor, query: TagQuery): Promise<Page<TagView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const rows = await repo.listTags(tx, actor.tenantId, {
          prefix: query.q,
          afterName: decodeCursor(query.cursor),
          limit: query.limit + 1,
        });
        return toPage(rows, query.limit, present, (row) => row.key);
      }),

    getTag: (actor: Actor, id: string): Promise<TagView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.findTagWithCount(tx, actor.tenantId, id);
        if (!row) throw notFound("The tag");
        return present(row);
      }),

    /** Renames or recolours a tag. */
    updateTag: (actor: Actor, id: string, input: UpdateTagInput): Promise<TagView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadTag(tx, actor, id);
        if (input.name && (await repo.isTagNameTaken(tx, actor.tenantId, input.name, id)))
          throw nameTaken(input.name);
        await repo.updateTag(tx, actor.tenantId, id, input);
        const after = (await repo.findTagWithCount(tx, actor.tenantId, id)) ?? {
          tag: before,
          contactCount: 0,
        };
        await recordAudit(tx, actor, {
          action: "tag.update",
          targetType: "tag",
          targetId: id,
          before: { name: before.name, color: before.color },
          after: { name: after.tag.name, color: after.tag.color },
        });
        return present(after);
      }),

    /** Deletes a tag and removes it from every contact (owners and admins). */
    deleteTag: async (actor: Actor, id: string) => {
      assertCrm(actor, "tags.delete");
      await withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadTag(tx, actor, id);
        await repo.deleteTag(tx, actor.tenantId, id);
        await recordAudit(tx, actor, {
          action: "tag.delete",
          targetType: "tag",
          targetId: id,
          before: { name: before.name, color: before.color },
        });
      });
    },

    /** Tags a contact; tagging it again changes nothing. */
    tagContact: (actor: Actor, contactId: string, tagId: string) =>
      changeTagging(actor, contactId, tagId, true),

    /** Untags a contact; untagging an untagged contact changes nothing. */
    untagContact: (actor: Actor, contactId: string, tagId: string) =>
      changeTagging(actor, contactId, tagId, false),
  };
}
