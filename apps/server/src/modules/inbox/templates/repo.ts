import { and, asc, eq, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { whatsappTemplates } from "./tables.ts";

export type TemplateRow = typeof whatsappTemplates.$inferSelect;
export type TemplateInsert = typeof whatsappTemplates.$inferInsert;
export type TemplateChanges = Partial<
  Pick<TemplateRow, "status" | "rejectionReason" | "qualityScore" | "category" | "providerTemplateId">
>;

export async function findTemplate(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(whatsappTemplates)
    .where(and(eq(whatsappTemplates.tenantId, tenantId), eq(whatsappTemplates.id, id)));
  return row;
}

export async function findTemplateByName(
  executor: Executor,
  tenantId: string,
  channelId: string,
  name: string,
  language: string,
) {
  const [row] = await executor
    .select()
    .from(whatsappTemplates)
    .where(
      and(
        eq(whatsappTemplates.tenantId, tenantId),
        eq(whatsappTemplates.channelId, channelId),
        eq(whatsappTemplates.name, name),
        eq(whatsappTemplates.language, language),
      ),
    );
  return row;
}

/** Templates by name, then id; `after` is the last row of the previous page. */
export async function listTemplates(
  executor: Executor,
  tenantId: string,
  options: {
    channelId?: string;
    status?: string;
    q?: string;
    after?: { value: string | null; id: string };
    limit: number;
  },
) {
  const { after } = options;
  const t = whatsappTemplates;
  return executor
    .select()
    .from(t)
    .where(
      and(
        eq(t.tenantId, tenantId),
        options.channelId ? eq(t.channelId, options.channelId) : undefined,
        options.status ? eq(t.status, options.status) : undefined,
        options.q ? sql`strpos(${t.name}, ${options.q.toLowerCase()}) > 0` : undefined,
        after ? sql`(${t.name}, ${t.id}) > (${after.value ?? ""}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(t.name), asc(t.id))
    .limit(options.limit);
}

/**
 * Inserts templates, or updates the one of the same number, name and language with what the
 * provider says (its id stays). Answers the rows as stored.
 */
export async function upsertTemplates(executor: Executor, rows: TemplateInsert[]) {
  if (rows.length === 0) return [];
  const t = whatsappTemplates;
  return executor
    .insert(t)
    .values(rows)
    .onConflictDoUpdate({
      target: [t.tenantId, t.channelId, t.name, t.language],
      set: {
        wabaId: sql`excluded.waba_id`,
        providerTemplateId: sql`excluded.provider_template_id`,
        category: sql`excluded.category`,
        status: sql`excluded.status`,
        rejectionReason: sql`excluded.rejection_reason`,
        qualityScore: sql`excluded.quality_score`,
        components: sql`excluded.components`,
        syncedAt: sql`excluded.synced_at`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
}

/**
 * Marks `DELETED` the number's templates a sync started at `startedAt` did not see. A template
 * created (or synced) since then was not in that listing for a reason: it is left alone.
 */
export async function markMissingTemplatesDeleted(
  executor: Executor,
  tenantId: string,
  channelId: string,
  startedAt: Date,
) {
  const t = whatsappTemplates;
  return executor
    .update(t)
    .set({ status: "DELETED", updatedAt: new Date() })
    .where(
      and(
        eq(t.tenantId, tenantId),
        eq(t.channelId, channelId),
        ne(t.status, "DELETED"),
        lt(t.createdAt, startedAt),
        or(isNull(t.syncedAt), lt(t.syncedAt, startedAt)),
      ),
    )
    .returning({ id: t.id });
}

/**
 * Applies a provider change to the account's templates (one per connected number of that
 * account), matched by the provider's id or by name and language.
 */
export async function updateAccountTemplates(
  executor: Executor,
  tenantId: string,
  wabaId: string,
  match: { providerTemplateId: string } | { name: string; language: string },
  changes: TemplateChanges,
) {
  const t = whatsappTemplates;
  const matching: SQL | undefined =
    "providerTemplateId" in match
      ? eq(t.providerTemplateId, match.providerTemplateId)
      : and(eq(t.name, match.name), eq(t.language, match.language));
  return executor
    .update(t)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(t.tenantId, tenantId), eq(t.wabaId, wabaId), matching))
    .returning();
}
