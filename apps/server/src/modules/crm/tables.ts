import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tenantId, timestamptz } from "../../platform/db/columns.ts";

/**
 * A person the organisation deals with. Phones are E.164 (the number as typed is kept too).
 * No foreign key to the identity module's organisations table (modules do not share tables):
 * erasing an organisation deletes every tenant table's rows by `tenant_id`.
 */
export const contacts = pgTable(
  "contacts",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    name: text().notNull(),
    email: text(),
    phone: text(),
    phoneAsEntered: text(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index("contacts_email_idx").on(table.tenantId, table.email),
    index("contacts_phone_idx").on(table.tenantId, table.phone),
  ],
);
