import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import type { CustomFieldDefinition } from "../filter/field-catalogue.ts";
import { crmSettings, customFields } from "../tables.ts";

export type CustomFieldRow = typeof customFields.$inferSelect;

export async function findSettings(executor: Executor, tenantId: string) {
  const [row] = await executor.select().from(crmSettings).where(eq(crmSettings.tenantId, tenantId));
  return row;
}

export async function saveSettings(executor: Executor, tenantId: string, defaultCountry: string | null) {
  const [row] = await executor
    .insert(crmSettings)
    .values({ tenantId, defaultCountry })
    .onConflictDoUpdate({ target: crmSettings.tenantId, set: { defaultCountry, updatedAt: new Date() } })
    .returning();
  return row as typeof crmSettings.$inferSelect;
}

/**
 * What contact queries are compiled against, in one query: the custom field definitions (in
 * creation order) and the default phone country.
 */
export async function findQueryVocabulary(executor: Executor, tenantId: string) {
  const result = await executor.execute<{
    default_country: string | null;
    definitions: CustomFieldDefinition[];
  }>(sql`
    select (select s.default_country from ${crmSettings} s where s.tenant_id = ${tenantId}) as default_country,
      coalesce((
        select json_agg(json_build_object('key', f.key, 'label', f.label, 'type', f.type, 'options', f.options)
          order by f.created_at, f.id)
        from ${customFields} f where f.tenant_id = ${tenantId}), '[]') as definitions`);
  const row = result.rows[0];
  return { defaultCountry: row?.default_country ?? null, definitions: row?.definitions ?? [] };
}

export async function listCustomFields(executor: Executor, tenantId: string) {
  return executor
    .select()
    .from(customFields)
    .where(eq(customFields.tenantId, tenantId))
    .orderBy(asc(customFields.createdAt), asc(customFields.id));
}

/** Inserts unless the key is taken; answers undefined then. */
export async function insertCustomField(executor: Executor, row: typeof customFields.$inferInsert) {
  const [created] = await executor.insert(customFields).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findCustomField(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(customFields)
    .where(and(eq(customFields.tenantId, tenantId), eq(customFields.id, id)));
  return row;
}

export async function updateCustomField(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<Pick<CustomFieldRow, "label" | "options">>,
) {
  const [row] = await executor
    .update(customFields)
    .set(changes)
    .where(and(eq(customFields.tenantId, tenantId), eq(customFields.id, id)))
    .returning();
  return row;
}

export async function deleteCustomField(executor: Executor, tenantId: string, id: string) {
  await executor
    .delete(customFields)
    .where(and(eq(customFields.tenantId, tenantId), eq(customFields.id, id)));
}
