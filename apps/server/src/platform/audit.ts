import { sql } from "drizzle-orm";
import type { Actor } from "./actor.ts";
import { auditEvents } from "./audit-tables.ts";
import type { Executor } from "./db/client.ts";
import { newId } from "./ids.ts";

type Snapshot = Record<string, unknown> | null | undefined;

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string;
  before?: Snapshot;
  after?: Snapshot;
};

const secretField = /secret|token|password|hash|key$/i;

/** Writes who did what to which record, with a before/after diff, in the mutation's own transaction. */
export async function recordAudit(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditEvents).values({
    tenantId: actor.tenantId,
    id: newId(),
    actorType: actor.userId ? "user" : actor.apiKeyId ? "api_key" : "system",
    actorId: actor.userId ?? actor.apiKeyId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    changes: diffSnapshots(entry.before, entry.after),
  });
}

/** Changed fields only, with secret-looking fields redacted. */
export function diffSnapshots(
  before: Snapshot,
  after: Snapshot,
): Record<string, { from?: unknown; to?: unknown }> {
  const changes: Record<string, { from?: unknown; to?: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const from = before?.[key];
    const to = after?.[key];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[key] = secretField.test(key)
      ? {
          from: from === undefined ? undefined : "[redacted]",
          to: to === undefined ? undefined : "[redacted]",
        }
      : { from, to };
  }
  return changes;
}

/**
 * Blanks the recorded values of every earlier entry about one record (a GDPR erasure): the entries
 * keep who did what and when, not the person's data. The one change the append-only log allows.
 */
export async function eraseAuditDetails(
  executor: Executor,
  targetType: string,
  targetId: string,
): Promise<number> {
  const result = await executor.execute<{ erased: number }>(
    sql`select sbos_erase_audit_details(${targetType}, ${targetId}) as erased`,
  );
  return result.rows[0]?.erased ?? 0;
}
