import { text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every tenant-owned table starts with this column and puts it first in its primary and foreign keys. */
export const tenantId = () => uuid().notNull();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const timestamptz = () => timestamp({ withTimezone: true });

export const role = () => text({ enum: ["owner", "admin", "member"] }).notNull();
