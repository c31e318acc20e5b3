import { sql } from "drizzle-orm";
import { pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tenantId, timestamptz } from "../../../platform/db/columns.ts";

/** A saved answer an agent inserts by typing `/shortcut` in the composer. */
export const cannedReplies = pgTable(
  "canned_replies",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    shortcut: text().notNull(),
    body: text().notNull(),
    authorId: uuid(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("canned_replies_shortcut_key").on(table.tenantId, sql`lower(${table.shortcut})`),
  ],
);
