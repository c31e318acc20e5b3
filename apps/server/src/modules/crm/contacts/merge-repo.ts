import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.ts";
import { activities, consentEvents, consents, contactTags, notes } from "../tables.ts";

/**
 * Moves the CRM records of `fromIds` to `toId`: tags (union), notes, timeline and consent history;
 * the current consent per channel is the most recent one among all of them.
 */
export async function moveCrmRecords(executor: Executor, tenantId: string, fromIds: string[], toId: string) {
  await executor.execute(sql`
    insert into ${contactTags} (tenant_id, contact_id, tag_id, created_at)
    select tenant_id, ${toId}, tag_id, min(created_at) from ${contactTags}
    where tenant_id = ${tenantId} and contact_id in ${fromIds}
    group by tenant_id, tag_id
    on conflict do nothing`);
  for (const table of [notes, activities, consentEvents]) {
    await executor
      .update(table)
      .set({ contactId: toId })
      .where(and(eq(table.tenantId, tenantId), inArray(table.contactId, fromIds)));
  }
  await executor.execute(sql`
    insert into ${consents} (tenant_id, contact_id, channel, status, method, evidence, changed_at)
    select distinct on (channel) tenant_id, ${toId}, channel, status, method, evidence, changed_at
    from ${consents}
    where tenant_id = ${tenantId} and contact_id in ${[toId, ...fromIds]}
    order by channel, changed_at desc
    on conflict (tenant_id, contact_id, channel) do update
      set status = excluded.status, method = excluded.method, evidence = excluded.evidence,
          changed_at = excluded.changed_at`);
}
