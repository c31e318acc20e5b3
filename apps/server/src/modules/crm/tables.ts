import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tenantId, timestamptz } from "../../platform/db/columns.ts";

export const lifecycleStages = ["subscriber", "lead", "qualified", "customer", "churned"] as const;
export const consentChannels = ["whatsapp", "email", "sms"] as const;
export const consentStatuses = ["opted_in", "opted_out"] as const;
export const consentMethods = ["form", "import", "inbound_keyword", "api", "manual"] as const;
export const customFieldTypes = ["text", "number", "date", "select", "multi_select", "boolean"] as const;

/** Per-organisation CRM settings; a missing row means the defaults. */
export const crmSettings = pgTable("crm_settings", {
  tenantId: tenantId().primaryKey(),
  defaultCountry: text(),
  updatedAt: timestamptz().notNull().defaultNow(),
});

export const companies = pgTable(
  "companies",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    name: text().notNull(),
    /** The name as the search box compares it (`normaliseSearchText`). */
    searchName: text().notNull().default(""),
    domain: text(),
    industry: text(),
    size: text(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("companies_domain_key").on(table.tenantId, table.domain),
    index("companies_name_idx").on(table.tenantId, table.name, table.id),
    index("companies_search_name_idx").on(table.tenantId, table.searchName.op("text_pattern_ops")),
  ],
);

/**
 * A person the organisation deals with. `email` and `phone` are the primary ones (E.164, the number as
 * typed kept too); `otherEmails`/`otherPhones` the rest. The search box matches the start of
 * `searchName`, `searchNameRest`, `email`, `emailDomain`, `phone` and `phoneReversed` (`contactSearchKeys`), each
 * under a `text_pattern_ops` index: prefix ranges use only leakproof operators, so those indexes
 * serve queries under row-level security; the id in each lets a probe read the index alone.
 * No foreign key to the identity module's tables (modules do not share tables): erasing an organisation
 * deletes every tenant table's rows by `tenant_id`, and `ownerId` is a member's user id.
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
    otherEmails: text().array().notNull().default(sql`'{}'`),
    otherPhones: text().array().notNull().default(sql`'{}'`),
    companyId: uuid(),
    ownerId: uuid(),
    lifecycleStage: text({ enum: lifecycleStages }).notNull().default("lead"),
    source: text(),
    language: text(),
    timezone: text(),
    avatarUrl: text(),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    searchName: text().notNull().default(""),
    searchNameRest: text(),
    emailDomain: text(),
    phoneReversed: text(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.companyId],
      foreignColumns: [companies.tenantId, companies.id],
    }),
    index("contacts_email_idx").on(table.tenantId, table.email.op("text_pattern_ops"), table.id),
    index("contacts_email_domain_idx").on(table.tenantId, table.emailDomain.op("text_pattern_ops"), table.id),
    index("contacts_phone_idx").on(table.tenantId, table.phone.op("text_pattern_ops"), table.id),
    index("contacts_phone_reversed_idx").on(
      table.tenantId,
      table.phoneReversed.op("text_pattern_ops"),
      table.id,
    ),
    index("contacts_search_name_idx").on(table.tenantId, table.searchName.op("text_pattern_ops"), table.id),
    index("contacts_search_name_rest_idx").on(
      table.tenantId,
      table.searchNameRest.op("text_pattern_ops"),
      table.id,
    ),
    index("contacts_other_emails_idx").using("gin", table.otherEmails),
    index("contacts_other_phones_idx").using("gin", table.otherPhones),
    index("contacts_company_idx").on(table.tenantId, table.companyId, table.id),
    index("contacts_owner_idx").on(table.tenantId, table.ownerId),
    index("contacts_stage_idx").on(table.tenantId, table.lifecycleStage, table.id),
    index("contacts_name_idx").on(table.tenantId, table.name, table.id),
    index("contacts_updated_idx").on(table.tenantId, table.updatedAt, table.id),
    index("contacts_name_trgm_idx").using("gin", sql`${table.name} gin_trgm_ops`),
  ],
);

const contactKey = (table: { tenantId: AnyPgColumn; contactId: AnyPgColumn }) =>
  foreignKey({
    columns: [table.tenantId, table.contactId],
    foreignColumns: [contacts.tenantId, contacts.id],
  }).onDelete("cascade");

export const tags = pgTable(
  "tags",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    name: text().notNull(),
    color: text().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("tags_name_key").on(table.tenantId, sql`lower(${table.name})`),
  ],
);

export const contactTags = pgTable(
  "contact_tags",
  {
    tenantId: tenantId(),
    contactId: uuid().notNull(),
    tagId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.contactId, table.tagId] }),
    index("contact_tags_tag_idx").on(table.tenantId, table.tagId, table.contactId),
    contactKey(table),
    foreignKey({
      columns: [table.tenantId, table.tagId],
      foreignColumns: [tags.tenantId, tags.id],
    }).onDelete("cascade"),
  ],
);

export const notes = pgTable(
  "notes",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    contactId: uuid().notNull(),
    authorId: uuid(),
    body: text().notNull(),
    mentions: uuid().array().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index("notes_contact_idx").on(table.tenantId, table.contactId, table.id),
    contactKey(table),
  ],
);

/** The per-contact timeline: CRM changes, and what later modules append (messages, deals, sends). */
export const activities = pgTable(
  "activities",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    contactId: uuid().notNull(),
    kind: text().notNull(),
    summary: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid(),
    occurredAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index("activities_contact_idx").on(table.tenantId, table.contactId, table.id),
    contactKey(table),
  ],
);

/** The current consent per contact and channel: what broadcasts check, so it has its own index. */
export const consents = pgTable(
  "consents",
  {
    tenantId: tenantId(),
    contactId: uuid().notNull(),
    channel: text({ enum: consentChannels }).notNull(),
    status: text({ enum: consentStatuses }).notNull(),
    method: text({ enum: consentMethods }).notNull(),
    evidence: text(),
    changedAt: timestamptz().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.contactId, table.channel] }),
    index("consents_status_idx").on(table.tenantId, table.channel, table.status, table.contactId),
    contactKey(table),
  ],
);

/** Every consent change ever made, newest last: the evidence trail. */
export const consentEvents = pgTable(
  "consent_events",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    contactId: uuid().notNull(),
    channel: text({ enum: consentChannels }).notNull(),
    status: text({ enum: consentStatuses }).notNull(),
    method: text({ enum: consentMethods }).notNull(),
    evidence: text(),
    actorId: uuid(),
    occurredAt: timestamptz().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index("consent_events_contact_idx").on(table.tenantId, table.contactId, table.id),
    contactKey(table),
  ],
);

export const customFields = pgTable(
  "custom_fields",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    key: text().notNull(),
    label: text().notNull(),
    type: text({ enum: customFieldTypes }).notNull(),
    options: text().array().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("custom_fields_key_key").on(table.tenantId, table.key),
  ],
);

export const segments = pgTable(
  "segments",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    name: text().notNull(),
    filter: jsonb().$type<unknown>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("segments_name_key").on(table.tenantId, sql`lower(${table.name})`),
  ],
);

/** A CSV import: the file, its mapping, and the running tally a progress bar reads. */
export const imports = pgTable(
  "imports",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    status: text({ enum: ["uploaded", "queued", "running", "completed", "failed"] }).notNull(),
    fileName: text().notNull(),
    delimiter: text().notNull(),
    columns: text().array().notNull(),
    rowCount: integer().notNull(),
    mapping: jsonb().$type<Record<string, string>>(),
    mode: text({ enum: ["create", "upsert"] }),
    processed: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    failure: text(),
    createdBy: uuid(),
    createdAt: createdAt(),
    finishedAt: timestamptz(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

/** The uploaded file, kept apart from `imports` so listing imports never reads megabytes. */
export const importFiles = pgTable(
  "import_files",
  {
    tenantId: tenantId(),
    importId: uuid().notNull(),
    content: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.importId] }),
    foreignKey({
      columns: [table.tenantId, table.importId],
      foreignColumns: [imports.tenantId, imports.id],
    }).onDelete("cascade"),
  ],
);

export const importErrors = pgTable(
  "import_errors",
  {
    tenantId: tenantId(),
    importId: uuid().notNull(),
    rowNumber: integer().notNull(),
    reason: text().notNull(),
    row: text().array().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.importId, table.rowNumber] }),
    foreignKey({
      columns: [table.tenantId, table.importId],
      foreignColumns: [imports.tenantId, imports.id],
    }).onDelete("cascade"),
  ],
);

/** A bulk action on a whole filter, run as a job; its tally is the progress bar. */
export const bulkOperations = pgTable(
  "bulk_operations",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    action: jsonb().$type<unknown>().notNull(),
    filter: jsonb().$type<unknown>(),
    contactIds: uuid().array(),
    status: text({ enum: ["queued", "running", "completed", "failed"] }).notNull(),
    total: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    failure: text(),
    createdBy: uuid(),
    createdAt: createdAt(),
    finishedAt: timestamptz(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);
