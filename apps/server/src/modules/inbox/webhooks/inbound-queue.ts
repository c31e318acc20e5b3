import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { newId } from "../../../platform/ids.ts";
import { whatsappInbound } from "../tables.ts";

export const inboundChannel = "sbos_whatsapp_inbound";
/** A claimed event not finished by then (its process died) is claimed again. */
const leaseSeconds = 60;
const maxAttempts = 10;

export type InboundRow = typeof whatsappInbound.$inferSelect;

/** Stores verified webhook bodies and wakes the drain, in one statement (no transaction needed). */
export async function storeInbound(
  db: Db,
  rows: { tenantId: string; channelId: string; payload: unknown }[],
) {
  const values = rows.map((row) => ({ id: newId(), ...row }));
  await db.execute(sql`
    with stored as (
      insert into ${whatsappInbound} (id, tenant_id, channel_id, payload)
      select * from jsonb_to_recordset(${JSON.stringify(values.map(({ id, tenantId, channelId, payload }) => ({ id, tenant_id: tenantId, channel_id: channelId, payload })))}::jsonb)
        as row(id uuid, tenant_id uuid, channel_id uuid, payload jsonb)
      returning 1
    )
    select pg_notify(${inboundChannel}, '') from stored limit 1`);
}

/** Takes up to `limit` due events for this process; each is hidden from others for the lease. */
export async function claimInbound(db: Db, limit: number): Promise<InboundRow[]> {
  const result = await db.execute<{
    id: string;
    tenant_id: string;
    channel_id: string;
    payload: unknown;
    received_at: string;
    attempts: number;
  }>(sql`
    update ${whatsappInbound} set attempts = attempts + 1, retry_at = now() + make_interval(secs => ${leaseSeconds})
    where id in (
      select id from ${whatsappInbound} where retry_at <= now()
      order by retry_at, id limit ${limit} for update skip locked
    )
    returning id, tenant_id, channel_id, payload, received_at, attempts`);
  return result.rows
    .map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      channelId: row.channel_id,
      payload: typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload,
      receivedAt: new Date(row.received_at),
      attempts: row.attempts,
      retryAt: new Date(),
      lastError: null,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Removes an applied event, inside the tenant transaction that applied it. */
export async function finishInbound(tx: Executor, row: Pick<InboundRow, "id" | "tenantId">) {
  await tx
    .delete(whatsappInbound)
    .where(and(eq(whatsappInbound.tenantId, row.tenantId), eq(whatsappInbound.id, row.id)));
}

/** Puts an event back with exponential backoff; after the last attempt it stays parked for operators. */
export async function failInbound(db: Db, row: Pick<InboundRow, "id" | "attempts">, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const retryAt =
    row.attempts >= maxAttempts
      ? sql`'infinity'::timestamptz`
      : sql`now() + make_interval(secs => ${2 ** row.attempts})`;
  await db.execute(
    sql`update ${whatsappInbound} set last_error = ${message.slice(0, 2000)}, retry_at = ${retryAt} where id = ${row.id}`,
  );
}
