import type { SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import type { MemberCheck } from "../contacts/prepare.ts";
import { countContacts, listContactIds } from "../contacts/repo.ts";
import { loadVocabulary, selectionCondition } from "../contacts/selection.ts";
import { applyBulkAction, checkBulkActor, type PreparedAction, prepareBulkAction } from "./apply.ts";
import type { BulkAction, BulkInput, BulkOperationView, BulkSelection } from "./dto.ts";
import { runBulkOperationJob } from "./jobs.ts";
import * as repo from "./repo.ts";

export type BulkService = ReturnType<typeof createBulkService>;

export type BulkOutcome =
  | { kind: "completed"; processed: number }
  | { kind: "queued"; operation: BulkOperationView };

function presentOperation(row: repo.BulkOperationRow): BulkOperationView {
  return {
    id: row.id,
    status: row.status,
    action: row.action as BulkAction,
    selection: (row.filter ?? {}) as BulkSelection,
    total: row.total,
    processed: row.processed,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The progress bar's feed: ids and counts only. */
async function publishProgress(tx: Executor, row: repo.BulkOperationRow) {
  await publishEvent(tx, {
    type: "crm.bulk.progress",
    tenantId: row.tenantId,
    data: { operationId: row.id, processed: row.processed, total: row.total, status: row.status },
  });
}

async function whereOfSelection(tx: Executor, tenantId: string, selection: BulkSelection, path: string) {
  const vocabulary = await loadVocabulary(tx, tenantId);
  return selectionCondition(
    tx,
    tenantId,
    { q: selection.q, segmentId: selection.segmentId, parsedFilter: selection.filter },
    vocabulary,
    path,
  );
}

export function createBulkService(deps: { db: Db; checkMembers: MemberCheck; batchSize?: number }) {
  const { db, checkMembers } = deps;
  const batchSize = deps.batchSize ?? 1_000;

  /** Up to 1,000 listed contacts in one transaction. */
  const runNow = (actor: Actor, action: BulkAction, contactIds: string[]) =>
    withTenant(db, actor.tenantId, async (tx) => {
      const prepared = await prepareBulkAction(tx, actor.tenantId, action);
      const ids = await repo.findContactIds(tx, actor.tenantId, contactIds);
      const changed = await applyBulkAction(tx, actor.tenantId, actor.userId ?? null, prepared, ids);
      // One entry for the whole action: which contacts, not what they held.
      await recordAudit(tx, actor, {
        action: `contact.bulk_${action.type}`,
        targetType: "contact",
        after: { action, contactIds: ids, count: ids.length, changed },
      });
      await publishEvent(tx, {
        type: "crm.contacts.bulk_changed",
        tenantId: actor.tenantId,
        data: { action: action.type, count: ids.length },
      });
      return { kind: "completed" as const, processed: ids.length };
    });

  /** A whole selection: an operation row and its job, created together. */
  const queue = (actor: Actor, action: BulkAction, selection: BulkSelection) =>
    withTenant(db, actor.tenantId, async (tx) => {
      await prepareBulkAction(tx, actor.tenantId, action);
      const where = await whereOfSelection(tx, actor.tenantId, selection, "body.selection");
      const row = await repo.insertOperation(tx, {
        tenantId: actor.tenantId,
        id: newId(),
        action,
        filter: selection,
        status: "queued",
        total: await countContacts(tx, actor.tenantId, where),
        createdBy: actor.userId ?? null,
      });
      await enqueue(tx, runBulkOperationJob, { tenantId: actor.tenantId, operationId: row.id });
      await recordAudit(tx, actor, {
        action: `contact.bulk_${action.type}`,
        targetType: "bulk_operation",
        targetId: row.id,
        after: { action, selection, count: row.total },
      });
      await publishProgress(tx, row);
      return { kind: "queued" as const, operation: presentOperation(row) };
    });

  /** Starts (or restarts) a run: the operation's condition and action, or undefined when there is nothing to do. */
  const startRun = (tenantId: string, operationId: string) =>
    withTenant(db, tenantId, async (tx) => {
      const row = await repo.findOperation(tx, tenantId, operationId);
      if (!row || row.status === "completed" || row.status === "failed") return undefined;
      let where: SQL | undefined;
      let prepared: PreparedAction;
      try {
        where = await whereOfSelection(tx, tenantId, (row.filter ?? {}) as BulkSelection, "selection");
        prepared = await prepareBulkAction(tx, tenantId, row.action as BulkAction);
      } catch (error) {
        // The segment, tag or a filtered custom field went away since: nothing a retry would fix.
        if (!(error instanceof AppError)) throw error;
        const failed = await repo.updateOperation(tx, tenantId, operationId, {
          status: "failed",
          failure: error.detail,
          finishedAt: new Date(),
        });
        if (failed) await publishProgress(tx, failed);
        return undefined;
      }
      const running = await repo.updateOperation(tx, tenantId, operationId, {
        status: "running",
        processed: 0,
      });
      if (running) await publishProgress(tx, running);
      return { where, prepared, actorId: row.createdBy };
    });

  return {
    /**
     * Tags, untags, assigns, moves or deletes contacts. Listed ids (at most 1,000) change at once in
     * one transaction; a selection becomes an operation run by a job, reporting progress as
     * `crm.bulk.progress` events. One audit entry per call, never one per contact.
     */
    bulkContacts: async (actor: Actor, input: BulkInput): Promise<BulkOutcome> => {
      await checkBulkActor(actor, input.action, checkMembers);
      if (input.contactIds) return runNow(actor, input.action, input.contactIds);
      return queue(actor, input.action, input.selection ?? {});
    },

    /** A bulk operation with its progress. */
    getOperation: (actor: Actor, id: string): Promise<BulkOperationView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.findOperation(tx, actor.tenantId, id);
        if (!row) throw notFound("The bulk operation");
        return presentOperation(row);
      }),

    /**
     * Walks the selection in id order, one transaction per batch, so a deletion cannot revisit what
     * it removed and a run never holds locks for long. A rerun starts over; every action is
     * idempotent, so contacts done before change nothing the second time.
     */
    runOperation: async (tenantId: string, operationId: string, signal?: AbortSignal) => {
      const run = await startRun(tenantId, operationId);
      if (!run) return;
      let processed = 0;
      let afterId: string | undefined;
      for (let finished = false; !finished; ) {
        signal?.throwIfAborted();
        finished = await withTenant(db, tenantId, async (tx) => {
          const ids = await listContactIds(tx, tenantId, run.where, { afterId, limit: batchSize });
          await applyBulkAction(tx, tenantId, run.actorId, run.prepared, ids);
          const last = ids.length < batchSize;
          const row = await repo.updateOperation(tx, tenantId, operationId, {
            processed: processed + ids.length,
            ...(last ? { status: "completed" as const, finishedAt: new Date() } : {}),
          });
          if (row) await publishProgress(tx, row);
          processed += ids.length;
          afterId = ids.at(-1) ?? afterId;
          return last;
        });
      }
    },

    /** Marks an operation failed when its job gives up. */
    failOperation: (tenantId: string, operationId: string, failure: string) =>
      withTenant(db, tenantId, async (tx) => {
        const row = await repo.updateOperation(tx, tenantId, operationId, {
          status: "failed",
          failure,
          finishedAt: new Date(),
        });
        if (row) await publishProgress(tx, row);
      }),
  };
}
