import { sql } from "drizzle-orm";
import type { Database, Executor } from "./db/client.ts";

/** Something that happened, recorded by the mutation that caused it; `tenantId` is null for a user's own events. */
export type DomainEvent = {
  type: string;
  tenantId: string | null;
  data: Record<string, unknown>;
};

export const eventsChannel = "sbos_events";
/** NOTIFY payloads are limited to 8000 bytes: events carry ids and small facts, never documents. */
const maxPayloadBytes = 7_900;

function encodeEvent(event: DomainEvent): string {
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) > maxPayloadBytes) {
    throw new Error(`Event ${event.type} is too large for NOTIFY; publish ids, not documents.`);
  }
  return payload;
}

/**
 * Publishes an event inside the caller's transaction: subscribers in every process (realtime
 * pushes, caches) receive it when, and only if, the transaction commits.
 */
export async function publishEvent(executor: Executor, event: DomainEvent): Promise<void> {
  await executor.execute(sql`select pg_notify(${eventsChannel}, ${encodeEvent(event)})`);
}

/** Several events in one statement (a batch applied at once), delivered at commit in this order. */
export async function publishEvents(executor: Executor, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await executor.execute(sql`
    select pg_notify(${eventsChannel}, payload)
    from jsonb_array_elements_text(${JSON.stringify(events.map(encodeEvent))}::jsonb) with ordinality as event(payload, position)
    order by position`);
}

export type EventHandler = (event: DomainEvent) => void;

export async function subscribeEvents(
  database: Database,
  handler: EventHandler,
): Promise<() => Promise<void>> {
  return database.listen(eventsChannel, (payload) => handler(JSON.parse(payload) as DomainEvent));
}
