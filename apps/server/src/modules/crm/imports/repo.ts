import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { textArray } from "../../../platform/db/text-array.ts";
import { newId } from "../../../platform/ids.ts";
import { type ContactSearchKeys, normaliseSearchText } from "../contacts/search-keys.ts";
import { companies, consents, importErrors, importFiles, imports } from "../tables.ts";
import type { ContactDraft } from "./plan.ts";

export type ImportRow = typeof imports.$inferSelect;

export type ImportChanges = Partial<Omit<ImportRow, "tenantId" | "id" | "createdAt">>;
export type ImportTally = Pick<ImportRow, "processed" | "created" | "updated" | "skipped" | "failed">;

/** Stores the import and its file; the file goes as bytes (checked UTF-8) and is stored as text. */
export async function insertImport(
  executor: Executor,
  row: typeof imports.$inferInsert,
  content: Buffer,
): Promise<ImportRow> {
  const [created] = await executor.insert(imports).values(row).returning();
  await executor.execute(sql`insert into import_files (tenant_id, import_id, content)
    values (${row.tenantId}, ${row.id}, convert_from(${content}::bytea, 'UTF8'))`);
  return created as ImportRow;
}

export async function findImport(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(imports)
    .where(and(eq(imports.tenantId, tenantId), eq(imports.id, id)));
  return row;
}

/** Newest first, after the cursor's id (ids are time-ordered). */
export async function listImports(
  executor: Executor,
  tenantId: string,
  page: { beforeId?: string; limit: number },
) {
  return executor
    .select()
    .from(imports)
    .where(and(eq(imports.tenantId, tenantId), page.beforeId ? lt(imports.id, page.beforeId) : undefined))
    .orderBy(desc(imports.id))
    .limit(page.limit);
}

/** The file as UTF-8 bytes. */
export async function readImportFile(executor: Executor, tenantId: string, importId: string) {
  const [row] = await executor
    .select({ bytes: sql<Uint8Array>`convert_to(${importFiles.content}, 'UTF8')` })
    .from(importFiles)
    .where(and(eq(importFiles.tenantId, tenantId), eq(importFiles.importId, importId)));
  return row ? Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : Buffer.alloc(0);
}

/** The file's first `chars` characters, and whether that is all of it: enough for a preview. */
export async function readImportFileStart(
  executor: Executor,
  tenantId: string,
  importId: string,
  chars: number,
) {
  const [row] = await executor
    .select({
      start: sql<string>`substr(${importFiles.content}, 1, ${chars}::int)`,
      complete: sql<boolean>`length(${importFiles.content}) <= ${chars}::int`,
    })
    .from(importFiles)
    .where(and(eq(importFiles.tenantId, tenantId), eq(importFiles.importId, importId)));
  return row;
}

/** Changes the import if it is in one of `statuses`; answers undefined when it is not (any more). */
export async function updateImport(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: ImportChanges,
  statuses: ImportRow["status"][],
) {
  const [row] = await executor
    .update(imports)
    .set(changes)
    .where(and(eq(imports.tenantId, tenantId), eq(imports.id, id), inArray(imports.status, statuses)))
    .returning();
  return row;
}

/**
 * Adds a batch's counts to the tally, only if the tally is still at `fromProcessed`: a second run
 * of the same job that reached this batch too finds nothing to update and rolls its batch back.
 */
export async function addToTally(
  executor: Executor,
  tenantId: string,
  id: string,
  fromProcessed: number,
  batch: ImportTally,
) {
  const [row] = await executor
    .update(imports)
    .set({
      processed: sql`${imports.processed} + ${batch.processed}::int`,
      created: sql`${imports.created} + ${batch.created}::int`,
      updated: sql`${imports.updated} + ${batch.updated}::int`,
      skipped: sql`${imports.skipped} + ${batch.skipped}::int`,
      failed: sql`${imports.failed} + ${batch.failed}::int`,
    })
    .where(
      and(
        eq(imports.tenantId, tenantId),
        eq(imports.id, id),
        eq(imports.status, "running"),
        eq(imports.processed, fromProcessed),
      ),
    )
    .returning();
  return row;
}

export async function deleteImport(executor: Executor, tenantId: string, id: string) {
  await executor.delete(imports).where(and(eq(imports.tenantId, tenantId), eq(imports.id, id)));
}

export async function insertImportErrors(
  executor: Executor,
  tenantId: string,
  importId: string,
  rows: { rowNumber: number; reason: string; row: string[] }[],
) {
  if (rows.length === 0) return;
  await executor
    .insert(importErrors)
    .values(rows.map((row) => ({ tenantId, importId, ...row })))
    .onConflictDoNothing();
}

/** Failed rows in file order, after `afterRow`. */
export async function listImportErrors(
  executor: Executor,
  tenantId: string,
  importId: string,
  page: { afterRow: number; limit: number },
) {
  return executor
    .select({ rowNumber: importErrors.rowNumber, reason: importErrors.reason, row: importErrors.row })
    .from(importErrors)
    .where(
      and(
        eq(importErrors.tenantId, tenantId),
        eq(importErrors.importId, importId),
        gt(importErrors.rowNumber, page.afterRow),
      ),
    )
    .orderBy(asc(importErrors.rowNumber))
    .limit(page.limit);
}

/**
 * Takes the same transaction-scoped advisory locks as the contacts' upsert (`lockIdentity`: the
 * phone's digits, or the email) for a whole batch in one statement, in a fixed order so two
 * imports cannot deadlock; company names get their own keys, as no unique index guards them.
 */
export async function lockImportKeys(
  executor: Executor,
  tenantId: string,
  keys: { identities: string[]; companyNames: string[] },
) {
  const all = [
    ...keys.identities.map((key) => `${tenantId}:${key.replaceAll(/\D/g, "") || key}`),
    ...keys.companyNames.map((name) => `${tenantId}:company:${name.toLowerCase()}`),
  ];
  const unique = [...new Set(all)].sort();
  if (unique.length === 0) return;
  // unnest keeps the array's order: the same JavaScript sort `lockIdentity` uses.
  await executor.execute(
    sql`select count(pg_advisory_xact_lock(hashtextextended(key, 0))) from unnest(${textArray(unique)}::text[]) as key`,
  );
}

/** The organisation's companies with these names, ignoring case, creating the missing ones; by lower-cased name. */
export async function findOrCreateCompaniesByName(executor: Executor, tenantId: string, names: string[]) {
  const byLowerName = new Map<string, { id: string; name: string }>();
  const wanted = new Map<string, string>();
  for (const name of names) if (!wanted.has(name.toLowerCase())) wanted.set(name.toLowerCase(), name);
  if (wanted.size === 0) return { companies: byLowerName, created: 0 };
  const found = await executor
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(
      and(
        eq(companies.tenantId, tenantId),
        sql`lower(${companies.name}) = any(${textArray([...wanted.keys()])}::text[])`,
      ),
    )
    .orderBy(asc(companies.id));
  for (const company of found) {
    const key = company.name.toLowerCase();
    if (!byLowerName.has(key)) byLowerName.set(key, company);
  }
  const missing = [...wanted].filter(([key]) => !byLowerName.has(key));
  if (missing.length > 0) {
    const inserted = await executor
      .insert(companies)
      .values(
        missing.map(([, name]) => ({ tenantId, id: newId(), name, searchName: normaliseSearchText(name) })),
      )
      .returning({ id: companies.id, name: companies.name });
    for (const company of inserted) byLowerName.set(company.name.toLowerCase(), company);
  }
  return { companies: byLowerName, created: missing.length };
}

/** A contact as the import writes it: the draft, with its id, final name and search keys. */
export type ImportedContact = ContactDraft & { id: string; name: string } & ContactSearchKeys;

/**
 * The contacts as one JSON document of rows, expanded by `jsonb_to_recordset`: one parameter
 * instead of fifteen per contact, which PostgreSQL parses several times faster than a 15,000-parameter insert.
 */
function contactRecords(rows: ImportedContact[]) {
  const document = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      phone: row.phone,
      phone_as_entered: row.phoneAsEntered,
      other_emails: row.otherEmails,
      other_phones: row.otherPhones,
      company_id: row.companyId,
      lifecycle_stage: row.lifecycleStage ?? "lead",
      source: row.source,
      language: row.language,
      timezone: row.timezone,
      custom_fields: row.customFields,
      search_name: row.searchName,
      search_name_rest: row.searchNameRest,
      email_domain: row.emailDomain,
      phone_reversed: row.phoneReversed,
    })),
  );
  return sql`jsonb_to_recordset(${document}::jsonb) as batch (id uuid, name text, email text, phone text,
    phone_as_entered text, other_emails text[], other_phones text[], company_id uuid, lifecycle_stage text,
    source text, language text, timezone text, custom_fields jsonb, search_name text, search_name_rest text,
    email_domain text, phone_reversed text)`;
}

/** Inserts many new contacts in one statement. */
export async function insertImportedContacts(executor: Executor, tenantId: string, rows: ImportedContact[]) {
  if (rows.length === 0) return;
  await executor.execute(sql`
    insert into contacts (tenant_id, id, name, email, phone, phone_as_entered, other_emails, other_phones,
      company_id, lifecycle_stage, source, language, timezone, custom_fields, search_name, search_name_rest,
      email_domain, phone_reversed)
    select ${tenantId}::uuid, batch.id, batch.name, batch.email, batch.phone, batch.phone_as_entered,
      batch.other_emails, batch.other_phones, batch.company_id, batch.lifecycle_stage, batch.source,
      batch.language, batch.timezone, batch.custom_fields, batch.search_name, batch.search_name_rest,
      batch.email_domain, batch.phone_reversed
    from ${contactRecords(rows)}`);
}

/** Writes many existing contacts' imported fields in one statement. */
export async function updateImportedContacts(executor: Executor, tenantId: string, rows: ImportedContact[]) {
  if (rows.length === 0) return;
  await executor.execute(sql`
    update contacts set name = batch.name, email = batch.email, phone = batch.phone,
      phone_as_entered = batch.phone_as_entered, other_emails = batch.other_emails,
      other_phones = batch.other_phones, company_id = batch.company_id, lifecycle_stage = batch.lifecycle_stage,
      source = batch.source, language = batch.language, timezone = batch.timezone,
      custom_fields = batch.custom_fields, search_name = batch.search_name,
      search_name_rest = batch.search_name_rest, email_domain = batch.email_domain,
      phone_reversed = batch.phone_reversed, updated_at = now()
    from ${contactRecords(rows)}
    where contacts.tenant_id = ${tenantId} and contacts.id = batch.id`);
}

/** Links contacts to tags in one statement (two arrays side by side); links that exist are left as they are. */
export async function insertContactTags(
  executor: Executor,
  tenantId: string,
  links: { contactId: string; tagId: string }[],
) {
  if (links.length === 0) return;
  const contactIds = `{${links.map((link) => link.contactId).join(",")}}`;
  const tagIds = `{${links.map((link) => link.tagId).join(",")}}`;
  await executor.execute(sql`
    insert into contact_tags (tenant_id, contact_id, tag_id)
    select ${tenantId}::uuid, link.contact_id, link.tag_id
    from unnest(${contactIds}::uuid[], ${tagIds}::uuid[]) as link (contact_id, tag_id)
    on conflict do nothing`);
}

/** The current consent status of each contact on each channel, for these contacts. */
export async function findCurrentConsents(executor: Executor, tenantId: string, contactIds: string[]) {
  const byContact = new Map<string, Map<string, string>>();
  if (contactIds.length === 0) return byContact;
  const rows = await executor
    .select({ contactId: consents.contactId, channel: consents.channel, status: consents.status })
    .from(consents)
    .where(and(eq(consents.tenantId, tenantId), inArray(consents.contactId, contactIds)));
  for (const row of rows) {
    const channels = byContact.get(row.contactId) ?? new Map<string, string>();
    channels.set(row.channel, row.status);
    byContact.set(row.contactId, channels);
  }
  return byContact;
}
