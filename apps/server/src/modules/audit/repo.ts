import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditEvents } from "../../platform/audit-tables.ts";
import type { Executor } from "../../platform/db/client.ts";
import type { AuditFilter } from "./dto.ts";

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Newest first; `beforeId` continues after the last row of the previous page (ids are time-ordered). */
export async function listAuditEvents(
  executor: Executor,
  tenantId: string,
  filter: AuditFilter,
  page: { beforeId?: string; limit: number },
) {
  const conditions: (SQL | undefined)[] = [
    eq(auditEvents.tenantId, tenantId),
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.targetType ? eq(auditEvents.targetType, filter.targetType) : undefined,
    filter.targetId ? eq(auditEvents.targetId, filter.targetId) : undefined,
    filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
    filter.from ? gte(auditEvents.createdAt, new Date(filter.from)) : undefined,
    filter.to ? lt(auditEvents.createdAt, new Date(filter.to)) : undefined,
    page.beforeId ? lt(auditEvents.id, page.beforeId) : undefined,
  ];
  return executor
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit + 1);
}
