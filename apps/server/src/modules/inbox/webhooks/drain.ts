import type { Logger } from "pino";
import type { Database } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { createDrainLoop } from "../../../platform/drain-loop.ts";
import type { InboxCrm } from "../crm-port.ts";
import { applyWebhookPayload } from "./apply-payload.ts";
import { claimInbound, failInbound, finishInbound, inboundChannel } from "./inbound-queue.ts";

const batchSize = 20;

/**
 * Applies stored webhook deliveries in worker processes: each in its organisation's transaction,
 * which also deletes it, so a delivery is applied exactly once; a failing one is retried with
 * backoff without holding up the rest.
 */
export function createInboundDrain(deps: {
  database: Database;
  crm: InboxCrm;
  logger: Logger;
  parallel?: number;
}) {
  const { database, crm, logger } = deps;
  const drainBatch = async () => {
    const rows = await claimInbound(database.db, batchSize);
    for (const row of rows) {
      try {
        await withTenant(database.db, row.tenantId, async (tx) => {
          await applyWebhookPayload(tx, crm, row.tenantId, row.payload);
          await finishInbound(tx, row);
        });
      } catch (error) {
        logger.warn(
          { err: error, inboundId: row.id, attempts: row.attempts },
          "whatsapp webhook not applied; will retry",
        );
        await failInbound(database.db, row, error);
      }
    }
    return rows.length;
  };
  const consumer = createDrainLoop({
    name: "whatsapp-inbound",
    database,
    channel: inboundChannel,
    logger,
    parallel: deps.parallel ?? 4,
    drainBatch,
  });
  return { consumer, drainBatch };
}
