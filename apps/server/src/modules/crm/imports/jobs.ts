import { z } from "zod";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError } from "../../../platform/http/errors.ts";
import { defineJob, handleJob, type JobContext } from "../../../platform/queue/definitions.ts";
import type { CsvDelimiter } from "./csv.ts";
import { batchesOf, loadRowContext, prepareBatch, writeBatch } from "./process.ts";
import * as repo from "./repo.ts";

/** Runs a started import; who started it is carried for the audit entry and the timeline. */
export const runImportJob = defineJob({
  name: "crm.import.run",
  payload: z.object({
    tenantId: z.uuid(),
    importId: z.uuid(),
    userId: z.uuid().optional(),
    apiKeyId: z.uuid().optional(),
  }),
  maxAttempts: 3,
  timeoutMs: 60 * 60_000,
});

type RunImportPayload = z.infer<typeof runImportJob.payload>;

/** Another run of the same job wrote this batch first: this one stops without writing. */
class Overtaken extends Error {}

async function publishProgress(tx: Executor, row: repo.ImportRow) {
  await publishEvent(tx, {
    type: "crm.import.progress",
    tenantId: row.tenantId,
    data: {
      importId: row.id,
      processed: row.processed,
      total: row.rowCount,
      created: row.created,
      updated: row.updated,
      skipped: row.skipped,
      failed: row.failed,
      status: row.status,
    },
  });
}

/**
 * Imports the file batch by batch, each batch one transaction that also advances the tally, so a
 * run that crashed resumes after the last batch it committed. Ends with one audit entry for the
 * whole import, not one per contact.
 */
export async function runImport(db: Db, payload: RunImportPayload, signal: AbortSignal) {
  const { tenantId, importId } = payload;
  const actor: Actor = { tenantId, role: "member", userId: payload.userId, apiKeyId: payload.apiKeyId };
  const started = await withTenant(db, tenantId, async (tx) => {
    const found = await repo.findImport(tx, tenantId, importId);
    if (!found || (found.status !== "queued" && found.status !== "running")) return undefined;
    const row =
      found.status === "running"
        ? found
        : await repo.updateImport(tx, tenantId, importId, { status: "running" }, ["queued"]);
    if (!row) return undefined;
    await publishProgress(tx, row);
    return {
      row,
      content: await repo.readImportFile(tx, tenantId, importId),
      context: await loadRowContext(tx, tenantId, row.mapping ?? {}, row.columns),
    };
  });
  if (!started) return;
  const { row, context } = started;
  const job = { actor, importId, fileName: row.fileName, mode: row.mode ?? "upsert" };
  let processed = row.processed;
  const batches = batchesOf(started.content, row.delimiter as CsvDelimiter, processed);
  // The next batch is parsed and checked while the database writes the current one.
  const prepareNext = async () => {
    const next = await batches.next();
    return next.done ? undefined : prepareBatch(next.value, context);
  };
  let upcoming = prepareNext();
  try {
    for (let rows = await upcoming; rows; rows = await upcoming) {
      signal.throwIfAborted();
      upcoming = prepareNext();
      upcoming.catch(() => {}); // surfaces at its await; a failed batch before it must not leave it unhandled
      const from = processed;
      await withTenant(db, tenantId, async (tx) => {
        const tally = await writeBatch(tx, job, rows);
        const after = await repo.addToTally(tx, tenantId, importId, from, tally);
        if (!after) throw new Overtaken();
        await publishProgress(tx, after);
      });
      processed += rows.length;
    }
  } catch (error) {
    if (error instanceof Overtaken) return;
    throw error;
  } finally {
    await batches.return(undefined);
  }
  await withTenant(db, tenantId, async (tx) => {
    const done = await repo.updateImport(
      tx,
      tenantId,
      importId,
      { status: "completed", finishedAt: new Date() },
      ["running"],
    );
    if (!done) return;
    await recordAudit(tx, actor, {
      action: "contact.import",
      targetType: "contact_import",
      targetId: importId,
      after: {
        fileName: done.fileName,
        mode: done.mode,
        rows: done.processed,
        created: done.created,
        updated: done.updated,
        skipped: done.skipped,
        failed: done.failed,
      },
    });
    await publishProgress(tx, done);
  });
}

/** Marks the import failed, keeping what its committed batches did, and tells the progress bar. */
async function failImport(db: Db, payload: RunImportPayload, failure: string) {
  await withTenant(db, payload.tenantId, async (tx) => {
    const row = await repo.updateImport(
      tx,
      payload.tenantId,
      payload.importId,
      { status: "failed", failure, finishedAt: new Date() },
      ["queued", "running"],
    );
    if (row) await publishProgress(tx, row);
  });
}

export function createImportJobs(deps: { db: Db }) {
  return [
    handleJob(runImportJob, async (payload, context: JobContext) => {
      try {
        await runImport(deps.db, payload, context.signal);
      } catch (error) {
        // A refusal (a file that no longer parses) will not change on retry; other errors may be passing.
        const final = error instanceof AppError || context.attempt >= runImportJob.maxAttempts;
        if (!final) throw error;
        context.logger.error({ err: error, importId: payload.importId }, "import failed");
        await failImport(
          deps.db,
          payload,
          error instanceof AppError
            ? error.detail
            : "The import stopped on an unexpected error; the rows counted as processed were imported.",
        );
      }
    }),
  ];
}
