import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { consentEvents, consents } from "../tables.ts";

export type ConsentRow = typeof consents.$inferSelect;
export type ConsentEventRow = typeof consentEvents.$inferSelect;

export async function insertConsentEvent(executor: Executor, row: typeof consentEvents.$inferInsert) {
  await executor.insert(consentEvents).values(row);
}

/**
 * Sets the current consent of a contact on a channel unless what is there happened later: consent is
 * monotonic in time, so a late-arriving older change never overwrites a newer one. Answers whether it applied.
 */
export async function saveConsent(executor: Executor, row: ConsentRow) {
  const saved = await executor
    .insert(consents)
    .values(row)
    .onConflictDoUpdate({
      target: [consents.tenantId, consents.contactId, consents.channel],
      set: {
        status: sql`excluded.status`,
        method: sql`excluded.method`,
        evidence: sql`excluded.evidence`,
        changedAt: sql`excluded.changed_at`,
      },
      setWhere: sql`${consents.changedAt} <= excluded.changed_at`,
    })
    .returning({ contactId: consents.contactId });
  return saved.length > 0;
}

export async function findConsents(executor: Executor, tenantId: string, contactId: string) {
  return executor
    .select()
    .from(consents)
    .where(and(eq(consents.tenantId, tenantId), eq(consents.contactId, contactId)));
}

/** The contact's consent changes, newest first. */
export async function listConsentEvents(
  executor: Executor,
  tenantId: string,
  contactId: string,
  limit: number,
) {
  return executor
    .select()
    .from(consentEvents)
    .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.contactId, contactId)))
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.id))
    .limit(limit);
}

/** Which of `contactIds` are opted in on the channel now (what a broadcast may send to). */
export async function contactsWithConsent(
  executor: Executor,
  tenantId: string,
  channel: ConsentRow["channel"],
  contactIds: string[],
): Promise<string[]> {
  if (contactIds.length === 0) return [];
  const rows = await executor
    .select({ contactId: consents.contactId })
    .from(consents)
    .where(
      and(
        eq(consents.tenantId, tenantId),
        eq(consents.channel, channel),
        eq(consents.status, "opted_in"),
        inArray(consents.contactId, contactIds),
      ),
    );
  return rows.map((row) => row.contactId);
}
