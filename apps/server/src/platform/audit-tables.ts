import { index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./db/columns.ts";

/** Append-only for the application role (granted select and insert only). */
export const auditEvents = pgTable(
  "audit_events",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    actorType: text({ enum: ["user", "api_key", "system"] }).notNull(),
    actorId: text(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    ip: text(),
    userAgent: text(),
    changes: jsonb(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index("audit_events_target_idx").on(table.tenantId, table.targetType, table.targetId),
  ],
);
