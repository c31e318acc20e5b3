import type { Logger } from "pino";
import type { Database, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { createDrainLoop } from "../../../platform/drain-loop.ts";
import { createTtlCache } from "../../../platform/ttl-cache.ts";
import { phoneNumberIdsOf } from "../../../providers/whatsapp-cloud/index.ts";
import * as channels from "../channels/repo.ts";
import type { InboxCrm } from "../crm-port.ts";
import { applyWebhookPayloads } from "./apply-payload.ts";
import {
  claimInbound,
  failInbound,
  finishInbound,
  type InboundRow,
  inboundChannel,
} from "./inbound-queue.ts";

const batchSize = 50;

/** Consecutive rows of one organisation, in order. */
function groupByTenant(rows: InboundRow[]) {
  const groups: InboundRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]?.tenantId === row.tenantId) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/**
 * Applies stored webhook deliveries in worker processes. A lane takes the due deliveries of its
 * customers (lane keys), and applies each organisation's run of them in one transaction that also
 * deletes them: applied exactly once. That transaction commits without waiting for the WAL flush
 * (`synchronous_commit = off`): a crash can only lose it together with the deletions, so the
 * deliveries are applied again. When a run fails, its deliveries are retried one by one so the
 * failing one is isolated and backs off alone.
 */
export function createInboundDrain(deps: {
  database: Database;
  crm: InboxCrm;
  logger: Logger;
  lanes?: number;
}) {
  const { database, crm, logger } = deps;
  const lanes = deps.lanes ?? 2;

  // The organisation's numbers, read again when a delivery names one the cached list lacks.
  const tenantChannels = createTtlCache<channels.ChannelRow[]>({ ttlMs: 5_000, maxEntries: 10_000 });
  const channelsOf = async (tx: Executor, tenantId: string, payloads: unknown[]) => {
    const cached = tenantChannels.get(tenantId);
    const named = payloads.flatMap((payload) => phoneNumberIdsOf(payload));
    if (cached && named.every((number) => cached.some((row) => row.phoneNumberId === number))) return cached;
    const rows = await channels.listChannels(tx, tenantId);
    tenantChannels.set(tenantId, rows);
    return rows;
  };

  const applyRun = (tenantId: string, rows: InboundRow[]) =>
    withTenant(
      database.db,
      tenantId,
      async (tx) => {
        const payloads = rows.map((row) => row.payload);
        const numbers = await channelsOf(tx, tenantId, payloads);
        await applyWebhookPayloads(tx as Executor, crm, tenantId, payloads, numbers);
        await finishInbound(
          tx,
          tenantId,
          rows.map((row) => row.id),
        );
      },
      { asyncCommit: true },
    );

  const drainBatch = async (lane: number) => {
    const rows = await claimInbound(database.db, batchSize, { index: lane, count: lanes });
    for (const run of groupByTenant(rows)) {
      const tenantId = run[0]?.tenantId;
      if (!tenantId) continue;
      try {
        await applyRun(tenantId, run);
      } catch (runError) {
        if (run.length === 1) {
          logger.warn({ err: runError, inboundId: run[0]?.id }, "whatsapp webhook not applied; will retry");
          await failInbound(database.db, run[0] as InboundRow, runError);
          continue;
        }
        for (const row of run) {
          try {
            await applyRun(tenantId, [row]);
          } catch (error) {
            logger.warn(
              { err: error, inboundId: row.id, attempts: row.attempts },
              "whatsapp webhook not applied; will retry",
            );
            await failInbound(database.db, row, error);
          }
        }
      }
    }
    return rows.length;
  };

  const consumer = createDrainLoop({
    name: "whatsapp-inbound",
    database,
    channel: inboundChannel,
    logger,
    lanes,
    drainBatch,
  });
  /** Every lane until nothing is due (tests and tools). */
  const drainAll = async () => {
    for (let lane = 0; lane < lanes; lane += 1) while ((await drainBatch(lane)) > 0);
  };
  return { consumer, drainAll };
}
