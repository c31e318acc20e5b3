import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { type Page, singlePage } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import { countContacts } from "../contacts/repo.ts";
import { loadVocabulary, selectionCondition } from "../contacts/selection.ts";
import { compileFilter } from "../filter/compile-filter.ts";
import type { ContactFilter } from "../filter/filter-dto.ts";
import type { CreateSegmentInput, SegmentDetailView, SegmentView, UpdateSegmentInput } from "./dto.ts";
import * as repo from "./repo.ts";

export type SegmentService = ReturnType<typeof createSegmentService>;

const present = (row: repo.SegmentRow): SegmentView => ({
  id: row.id,
  name: row.name,
  filter: row.filter as ContactFilter,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const nameTaken = (name: string) =>
  new AppError("conflict", `A segment named "${name}" exists already (names ignore case).`, {
    errors: [{ field: "body.name", message: "already used by another segment" }],
  });

/** A filter is kept only if it compiles against the organisation's fields: unknown ones are a 400 naming the condition. */
async function checkFilter(tx: Executor, tenantId: string, filter: ContactFilter) {
  const vocabulary = await loadVocabulary(tx, tenantId);
  compileFilter(filter, vocabulary.catalogue, "body.filter");
}

/** Saved contact filters; live, as membership is the filter evaluated whenever the segment is used. */
export function createSegmentService(deps: { db: Db }) {
  const { db } = deps;

  async function loadSegment(tx: Executor, actor: Actor, id: string) {
    const row = await repo.findSegment(tx, actor.tenantId, id);
    if (!row) throw notFound("The segment");
    return row;
  }

  const announce = (tx: Executor, actor: Actor, type: string, segmentId: string) =>
    publishEvent(tx, { type, tenantId: actor.tenantId, data: { segmentId } });

  return {
    /** Saves a filter as a segment; a name another segment has (ignoring case) is a 409. */
    createSegment: (actor: Actor, input: CreateSegmentInput): Promise<SegmentView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        await checkFilter(tx, actor.tenantId, input.filter);
        const row = await repo.insertSegment(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          name: input.name,
          filter: input.filter,
        });
        if (!row) throw nameTaken(input.name);
        await recordAudit(tx, actor, {
          action: "segment.create",
          targetType: "segment",
          targetId: row.id,
          after: { name: row.name, filter: row.filter },
        });
        await announce(tx, actor, "crm.segment.created", row.id);
        return present(row);
      }),

    /** Every segment, by name. */
    listSegments: async (actor: Actor): Promise<Page<SegmentView>> =>
      singlePage(
        (await withTenant(db, actor.tenantId, (tx) => repo.listSegments(tx, actor.tenantId))).map(present),
      ),

    /** One segment with the number of contacts in it now. */
    getSegment: (actor: Actor, id: string): Promise<SegmentDetailView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await loadSegment(tx, actor, id);
        const vocabulary = await loadVocabulary(tx, actor.tenantId);
        const where = await selectionCondition(
          tx,
          actor.tenantId,
          { parsedFilter: row.filter as ContactFilter },
          vocabulary,
          "segment",
        );
        return { ...present(row), count: await countContacts(tx, actor.tenantId, where) };
      }),

    /** Renames a segment or changes its filter. */
    updateSegment: (actor: Actor, id: string, input: UpdateSegmentInput): Promise<SegmentView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadSegment(tx, actor, id);
        if (input.filter) await checkFilter(tx, actor.tenantId, input.filter);
        if (input.name && (await repo.isSegmentNameTaken(tx, actor.tenantId, input.name, id)))
          throw nameTaken(input.name);
        const after = (await repo.updateSegment(tx, actor.tenantId, id, input)) ?? before;
        await recordAudit(tx, actor, {
          action: "segment.update",
          targetType: "segment",
          targetId: id,
          before: { name: before.name, filter: before.filter },
          after: { name: after.name, filter: after.filter },
        });
        await announce(tx, actor, "crm.segment.updated", id);
        return present(after);
      }),

    /** Deletes a segment; its contacts are untouched. */
    deleteSegment: (actor: Actor, id: string) =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadSegment(tx, actor, id);
        await repo.deleteSegment(tx, actor.tenantId, id);
        await recordAudit(tx, actor, {
          action: "segment.delete",
          targetType: "segment",
          targetId: id,
          before: { name: before.name, filter: before.filter },
        });
        await announce(tx, actor, "crm.segment.deleted", id);
      }),
  };
}
