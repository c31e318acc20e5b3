import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { decodeIdCursor, type Page, toPage } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import { listCustomFields } from "../settings/repo.ts";
import { type CsvDelimiter, formatCsvLine, previewOf, sniffCsv } from "./csv.ts";
import type { DryRunView, ImportRunInput, ImportSummaryView, ImportView, UploadedFile } from "./dto.ts";
import { runImportJob } from "./jobs.ts";
import { checkMapping, guessMapping, type ImportMapping } from "./mapping.ts";
import { dryRunImport, loadRowContext } from "./process.ts";
import * as repo from "./repo.ts";

export type ImportService = ReturnType<typeof createImportService>;

/** Enough of the file's beginning for ten preview rows without reading megabytes. */
const previewChars = 64 * 1024;
const errorPageSize = 1_000;

export function presentImportSummary(row: repo.ImportRow): ImportSummaryView {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    delimiter: row.delimiter,
    columns: row.columns,
    rowCount: row.rowCount,
    mapping: row.mapping ?? null,
    mode: row.mode ?? null,
    counts: {
      processed: row.processed,
      created: row.created,
      updated: row.updated,
      skipped: row.skipped,
      failed: row.failed,
    },
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function suggestMapping(tx: Executor, tenantId: string, columns: string[]) {
  return guessMapping(columns, await listCustomFields(tx, tenantId));
}

async function presentImport(tx: Executor, row: repo.ImportRow, preview?: string[][]): Promise<ImportView> {
  let rows = preview;
  if (rows === undefined) {
    const start = await repo.readImportFileStart(tx, row.tenantId, row.id, previewChars);
    rows = start ? previewOf(start.start, row.delimiter as CsvDelimiter, start.complete) : [];
  }
  return {
    ...presentImportSummary(row),
    suggestedMapping: await suggestMapping(tx, row.tenantId, row.columns),
    preview: rows,
  };
}

async function loadImport(tx: Executor, actor: Actor, id: string) {
  const row = await repo.findImport(tx, actor.tenantId, id);
  if (!row) throw notFound("The import");
  return row;
}

/** The mapping to run with (the suggested one when none is given), refused with every problem named. */
async function resolveMapping(tx: Executor, row: repo.ImportRow, given: ImportMapping | undefined) {
  const definitions = await listCustomFields(tx, row.tenantId);
  const mapping = given ?? guessMapping(row.columns, definitions);
  const errors = checkMapping(mapping, row.columns, new Set(definitions.map((definition) => definition.key)));
  if (errors.length > 0) {
    throw new AppError(
      "validation",
      `The mapping cannot be used: ${errors.map((error) => error.field).join(", ")}.`,
      {
        errors,
      },
    );
  }
  return mapping;
}

/** Contacts from a CSV file: upload, map, dry run, then a background job with progress over the WebSocket. */
export function createImportService(deps: { db: Db }) {
  const { db } = deps;

  return {
    /**
     * Checks and stores an uploaded CSV file (UTF-8 with or without BOM; comma, semicolon or tab)
     * and answers the import with its columns, row count, preview and suggested mapping. Binary,
     * empty, header-only and over-wide files are refused and store nothing.
     */
    uploadFile: async (actor: Actor, fileName: string, file: UploadedFile): Promise<ImportView> => {
      const sniffed = await sniffCsv(file.bytes);
      return withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.insertImport(
          tx,
          {
            tenantId: actor.tenantId,
            id: newId(),
            status: "uploaded",
            fileName,
            delimiter: sniffed.delimiter,
            columns: sniffed.columns,
            rowCount: sniffed.rowCount,
            createdBy: actor.userId ?? null,
          },
          sniffed.content,
        );
        await recordAudit(tx, actor, {
          action: "contact_import.upload",
          targetType: "contact_import",
          targetId: row.id,
          after: { fileName, rowCount: row.rowCount, columns: row.columns.length },
        });
        return presentImport(tx, row, sniffed.preview);
      });
    },

    /** The organisation's imports, newest first. */
    listImports: async (
      actor: Actor,
      query: { cursor?: string; limit: number },
    ): Promise<Page<ImportSummaryView>> => {
      const beforeId = decodeIdCursor(query.cursor);
      const rows = await withTenant(db, actor.tenantId, (tx) =>
        repo.listImports(tx, actor.tenantId, { beforeId, limit: query.limit + 1 }),
      );
      return toPage(rows, query.limit, presentImportSummary, (row) => row.id);
    },

    /** One import with its preview, suggested mapping and progress. */
    getImport: async (actor: Actor, id: string): Promise<ImportView> =>
      withTenant(db, actor.tenantId, async (tx) => presentImport(tx, await loadImport(tx, actor, id))),

    /** Validates every row with this mapping and counts what the import would do; writes nothing. */
    dryRunImport: async (actor: Actor, id: string, input: ImportRunInput): Promise<DryRunView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await loadImport(tx, actor, id);
        const mapping = await resolveMapping(tx, row, input.mapping);
        const content = await repo.readImportFile(tx, actor.tenantId, id);
        const context = await loadRowContext(tx, actor.tenantId, mapping, row.columns);
        return dryRunImport(
          tx,
          actor.tenantId,
          { content, delimiter: row.delimiter as CsvDelimiter },
          context,
          input.mode,
        );
      }),

    /** Queues the import with this mapping; the job's progress arrives as `crm.import.progress` events. */
    startImport: async (actor: Actor, id: string, input: ImportRunInput): Promise<ImportView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await loadImport(tx, actor, id);
        const mapping = await resolveMapping(tx, row, input.mapping);
        const queued = await repo.updateImport(
          tx,
          actor.tenantId,
          id,
          { status: "queued", mapping, mode: input.mode },
          ["uploaded"],
        );
        if (!queued) throw new AppError("conflict", `The import was started already (it is ${row.status}).`);
        await enqueue(tx, runImportJob, {
          tenantId: actor.tenantId,
          importId: id,
          userId: actor.userId,
          apiKeyId: actor.apiKeyId,
        });
        await recordAudit(tx, actor, {
          action: "contact_import.start",
          targetType: "contact_import",
          targetId: id,
          after: { mode: input.mode, mapping },
        });
        return presentImport(tx, queued);
      }),

    /**
     * The failed rows as CSV: the file's columns, then `row` (1 is the first row after the header)
     * and `error`, in the file's delimiter, produced page by page so memory stays flat.
     */
    exportErrors: async (actor: Actor, id: string) => {
      const row = await withTenant(db, actor.tenantId, (tx) => loadImport(tx, actor, id));
      const delimiter = row.delimiter as CsvDelimiter;
      const lines = async function* () {
        // The byte order mark makes spreadsheets read the file as UTF-8; a re-import strips it.
        yield `\ufeff${formatCsvLine([...row.columns, "row", "error"], delimiter)}`;
        for (let afterRow = 0; ; ) {
          const page = await withTenant(db, actor.tenantId, (tx) =>
            repo.listImportErrors(tx, actor.tenantId, id, { afterRow, limit: errorPageSize }),
          );
          for (const failure of page) {
            const cells = row.columns.map((_, index) => failure.row[index] ?? "");
            yield formatCsvLine([...cells, String(failure.rowNumber), failure.reason], delimiter);
          }
          if (page.length < errorPageSize) return;
          afterRow = page.at(-1)?.rowNumber ?? afterRow;
        }
      };
      return { fileName: `${row.fileName.replace(/\.csv$/i, "")}-errors.csv`, lines: lines() };
    },

    /** Removes a finished (or never started) import and its file; the contacts it made stay. */
    deleteImport: async (actor: Actor, id: string) =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await loadImport(tx, actor, id);
        if (row.status === "queued" || row.status === "running") {
          throw new AppError("conflict", "The import is still running; delete it once it has finished.");
        }
        await repo.deleteImport(tx, actor.tenantId, id);
        await recordAudit(tx, actor, {
          action: "contact_import.delete",
          targetType: "contact_import",
          targetId: id,
          before: { fileName: row.fileName, status: row.status },
        });
      }),
  };
}
