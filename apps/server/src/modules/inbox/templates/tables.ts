import { foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tenantId, timestamptz } from "../../../platform/db/columns.ts";
import { whatsappChannels } from "../tables.ts";

/**
 * Statuses Meta gives a template, plus `DELETED`, ours for a template that vanished from the
 * account. Stored as text: Meta adds new ones (LIMIT_EXCEEDED, ARCHIVED, …) without notice.
 */
export const templateStatuses = [
  "APPROVED",
  "PENDING",
  "REJECTED",
  "PAUSED",
  "DISABLED",
  "IN_APPEAL",
  "PENDING_DELETION",
  "DELETED",
] as const;

/**
 * A message template of a WhatsApp Business Account, as seen through one connected number (a
 * template belongs to the account: two numbers of one account each hold a copy). `components` are
 * Meta's definitions as the provider returns them; `providerTemplateId` is null until Meta has it.
 */
export const whatsappTemplates = pgTable(
  "whatsapp_templates",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    channelId: uuid().notNull(),
    wabaId: text().notNull(),
    providerTemplateId: text(),
    name: text().notNull(),
    language: text().notNull(),
    category: text().notNull(),
    status: text().notNull(),
    rejectionReason: text(),
    qualityScore: text(),
    components: jsonb().$type<unknown[]>().notNull().default([]),
    syncedAt: timestamptz(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.channelId],
      foreignColumns: [whatsappChannels.tenantId, whatsappChannels.id],
    }).onDelete("cascade"),
    uniqueIndex("whatsapp_templates_name_key").on(
      table.tenantId,
      table.channelId,
      table.name,
      table.language,
    ),
    index("whatsapp_templates_list_idx").on(table.tenantId, table.name, table.id),
    index("whatsapp_templates_provider_idx").on(table.tenantId, table.wabaId, table.providerTemplateId),
  ],
);
