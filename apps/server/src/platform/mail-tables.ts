import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./db/columns.ts";

/** The dev mailbox: where email goes when no SMTP server is configured (shown at /sandbox/mailbox). */
export const devMail = pgTable("sbos_dev_mail", {
  id: uuid().primaryKey(),
  to: text().notNull(),
  subject: text().notNull(),
  text: text().notNull(),
  createdAt: createdAt(),
});
