import type { Readable } from "node:stream";
import type { SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { loadVocabulary, selectionCondition } from "../contacts/selection.ts";
import { listCustomFields } from "../settings/repo.ts";
import { type ExportRow, resolveColumns } from "./columns.ts";
import type { ContactExportQuery, ExportFormat } from "./dto.ts";
import { listExportBatch } from "./repo.ts";
import { writeCsv, writeXlsx } from "./writers.ts";

export type ExportService = ReturnType<typeof createExportService>;

export type ContactExport = { fileName: string; contentType: string; body: Readable };

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function createExportService(deps: { db: Db; batchSize?: number }) {
  const { db } = deps;
  const batchSize = deps.batchSize ?? 2_000;

  /**
   * The matching contacts batch by batch in id order (the primary key; UUIDv7 ids make it creation
   * order), each batch its own short transaction: no connection is held while the client downloads.
   */
  async function* readBatches(tenantId: string, where: SQL | undefined): AsyncGenerator<ExportRow[]> {
    let afterId: string | undefined;
    for (;;) {
      const batch = await withTenant(db, tenantId, (tx) =>
        listExportBatch(tx, tenantId, where, { afterId, limit: batchSize }),
      );
      if (batch.length > 0) yield batch;
      if (batch.length < batchSize) return;
      afterId = batch.at(-1)?.id;
    }
  }

  return {
    /**
     * Streams the contacts of a search, filter or segment as CSV or XLSX. Everything that can be
     * refused (a bad filter, an unknown segment or column) is checked before the first byte, so it
     * is answered as a problem; the audit log records the export with its selection and format.
     */
    exportContacts: async (actor: Actor, query: ContactExportQuery): Promise<ContactExport> => {
      const { where, columns } = await withTenant(db, actor.tenantId, async (tx) => {
        const vocabulary = await loadVocabulary(tx, actor.tenantId);
        const where = await selectionCondition(tx, actor.tenantId, query, vocabulary, "querystring");
        const columns = resolveColumns(query.columns, await listCustomFields(tx, actor.tenantId));
        await recordAudit(tx, actor, {
          action: "contact.export",
          targetType: "contact",
          after: {
            format: query.format,
            q: query.q,
            filter: query.filter,
            segmentId: query.segmentId,
            columns: columns.map((column) => column.key),
          },
        });
        return { where, columns };
      });
      const batches = readBatches(actor.tenantId, where);
      const date = new Date().toISOString().slice(0, 10);
      return {
        fileName: `contacts-${date}.${query.format}`,
        contentType: contentTypes[query.format],
        body: query.format === "csv" ? writeCsv(columns, batches) : writeXlsx(columns, batches),
      };
    },
  };
}
