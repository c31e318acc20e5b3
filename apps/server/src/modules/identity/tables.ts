import { foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, role, tenantId, timestamptz } from "../../platform/db/columns.ts";

/** The tenant registry: one row per tenant, so its id is the tenant id (RLS limits the app role to its own). */
export const organizations = pgTable("organizations", {
  id: uuid().primaryKey(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  createdAt: createdAt(),
});

export const apiKeys = pgTable(
  "api_keys",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    name: text().notNull(),
    visiblePrefix: text().notNull(),
    secretHash: text().notNull(),
    role: role(),
    createdAt: createdAt(),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("api_keys_secret_hash_idx").on(table.tenantId, table.secretHash),
    index("api_keys_created_idx").on(table.tenantId, table.createdAt),
    foreignKey({ columns: [table.tenantId], foreignColumns: [organizations.id] }).onDelete("cascade"),
  ],
);
