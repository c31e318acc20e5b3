import type { Actor } from "../../platform/actor.ts";
import { csvLine } from "../../platform/csv.ts";
import type { Db } from "../../platform/db/client.ts";
import { withTenant } from "../../platform/db/tenancy.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../platform/http/pagination.ts";
import type { AuditEventView, AuditFilter } from "./dto.ts";
import { assertCanReadAuditLog } from "./policy.ts";
import { type AuditEventRow, listAuditEvents } from "./repo.ts";

export type AuditService = ReturnType<typeof createAuditService>;

const exportBatchSize = 1_000;
const csvColumns = [
  "createdAt",
  "actorType",
  "actorId",
  "action",
  "targetType",
  "targetId",
  "ip",
  "userAgent",
  "changes",
] as const;

export function createAuditService(deps: { db: Db }) {
  const { db } = deps;
  const fetchPage = (actor: Actor, filter: AuditFilter, beforeId: string | undefined, limit: number) =>
    withTenant(db, actor.tenantId, (tx) => listAuditEvents(tx, actor.tenantId, filter, { beforeId, limit }));

  return {
    /** Who changed what in my organisation, newest first, filtered. */
    listEvents: async (actor: Actor, query: AuditFilter & PageQuery): Promise<Page<AuditEventView>> => {
      assertCanReadAuditLog(actor);
      const { cursor, limit, ...filter } = query;
      const rows = await fetchPage(actor, filter, decodeCursor(cursor), limit);
      return toPage(rows, limit, presentAuditEvent, (row) => row.id);
    },

    /** The filtered log as CSV, produced batch by batch so memory stays flat however long it is. */
    exportCsv: (actor: Actor, filter: AuditFilter): AsyncIterable<string> => {
      assertCanReadAuditLog(actor);
      return (async function* () {
        yield csvLine([...csvColumns]);
        let beforeId: string | undefined;
        for (;;) {
          const rows = await fetchPage(actor, filter, beforeId, exportBatchSize);
          const batch = rows.slice(0, exportBatchSize);
          for (const event of batch.map(presentAuditEvent))
            yield csvLine(csvColumns.map((column) => event[column]));
          if (rows.length <= exportBatchSize) return;
          beforeId = batch.at(-1)?.id;
        }
      })();
    },
  };
}

function presentAuditEvent(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    userAgent: row.userAgent,
    changes: (row.changes as Record<string, unknown> | null) ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
