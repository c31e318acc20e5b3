import type { Executor } from "../../../platform/db/client.ts";
import { newId } from "../../../platform/ids.ts";
import { activities } from "../tables.ts";

export type ActivityInput = {
  contactId: string;
  /** What happened, dotted by module: `contact.created`, `note.added`, `message.received`, `deal.won`. */
  kind: string;
  /** One line a person reads on the timeline. */
  summary: string;
  data?: Record<string, unknown>;
  actorId?: string | null;
  occurredAt?: Date;
};

/** Appends to contacts' timelines inside the caller's transaction (later modules call this through the CRM service). */
export async function appendActivities(executor: Executor, tenantId: string, entries: ActivityInput[]) {
  if (entries.length === 0) return;
  await executor.insert(activities).values(
    entries.map((entry) => ({
      tenantId,
      id: newId(),
      contactId: entry.contactId,
      kind: entry.kind,
      summary: entry.summary,
      data: entry.data ?? {},
      actorId: entry.actorId ?? null,
      occurredAt: entry.occurredAt ?? new Date(),
    })),
  );
}
