import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { newId } from "../../../platform/ids.ts";
import { whatsappInbound } from "../tables.ts";

export const inboundChannel = "sbos_whatsapp_inbound";
/** A claimed event not finished by then (its process died) is claimed again. */
const leaseSeconds = 60;
const maxAttempts = 10;

export type InboundRow = typeof whatsappInbound.$inferSelect;

export type InboundDelivery = { tenantId: string; channelId: string; payload: unknown; laneKey: number };

/** Stores verified webhook bodies and wakes the drain, in one statement (no transaction needed). */
export async function storeInbound(db: Db, rows: InboundDelivery[]) {
  const values = rows.map((row) => ({
    id: newId(),
    tenant_id: row.tenantId,
    channel_id: row.channelId,
    payload: row.payload,
    lane_key: row.laneKey,
  }));
  await db.execute(sql`
    with stored as (
      insert into ${whatsappInbound} (id, tenant_id, channel_id, payload, lane_key)
      select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
        as row(id uuid, tenant_id uuid, channel_id uuid, payload jsonb, lane_key integer)
      returning 1
    )
    select pg_notify(${inboundChannel}, '') from stored limit 1`);
}

/** The lane of a delivery (its raw JSON): from its first customer, or the recipient of a status. */
export function laneKeyOf(text: string): number {
  const key = /"from"\s*:\s*"(\d+)"/.exec(text)?.[1] ?? /"recipient_id"\s*:\s*"(\d+)"/.exec(text)?.[1] ?? "";
  let hash = 0;
  for (const character of key) hash = (hash * 31 + character.charCodeAt(0)) % 1_000_003;
  return hash;
}

/** Takes up to `limit` due events of one lane (of `lanes`); each is hidden from others for the lease. */
export async function claimInbound(
  db: Db,
  limit: number,
  lane: { index: number; count: number },
): Promise<InboundRow[]> {
  const result = await db.execute<{
    id: string;
    tenant_id: string;
    channel_id: string;
    payload: unknown;
    received_at: string;
    attempts: number;
    lane_key: number;
  }>(sql`
    update ${whatsappInbound} set attempts = attempts + 1, retry_at = now() + make_interval(secs => ${leaseSeconds})
    where id in (
      select id from ${whatsappInbound} where retry_at <= now() and lane_key % ${lane.count} = ${lane.index}
      order by retry_at, id limit ${limit} for update skip locked
    )
    returning id, tenant_id, channel_id, payload, received_at, attempts, lane_key`);
  return result.rows
    .map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      channelId: row.channel_id,
      payload: typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload,
      receivedAt: new Date(row.received_at),
      attempts: row.attempts,
      laneKey: row.lane_key,
      retryAt: new Date(),
      lastError: null,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Removes applied events, inside the tenant transaction that applied them. */
export async function finishInbound(tx: Executor, tenantId: string, ids: string[]) {
  await tx
    .delete(whatsappInbound)
    .where(and(eq(whatsappInbound.tenantId, tenantId), inArray(whatsappInbound.id, ids)));
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
