import { z } from "zod";
import type { Db } from "./db/client.ts";
import { purgeExpiredIdempotencyKeys } from "./http/idempotency.ts";
import { purgeSucceededJobs } from "./queue/admin.ts";
import { defineJob, handleJob, scheduleJob } from "./queue/definitions.ts";
import { enqueue } from "./queue/enqueue.ts";

const succeededJobRetentionHours = 24;

export const purgeSucceededJobsJob = defineJob({
  name: "platform.purge-succeeded-jobs",
  payload: z.object({}),
});
export const purgeIdempotencyKeysJob = defineJob({
  name: "platform.purge-idempotency-keys",
  payload: z.object({}),
});
export const purgeTenantIdempotencyKeysJob = defineJob({
  name: "platform.purge-tenant-idempotency-keys",
  payload: z.object({ tenantId: z.uuid() }),
});

/** Housekeeping: old succeeded jobs daily; expired idempotency keys hourly, one job per tenant. */
export function createMaintenanceJobs(deps: { db: Db; listTenantIds: () => Promise<string[]> }) {
  const { db } = deps;
  return {
    jobs: [
      handleJob(purgeSucceededJobsJob, async () => {
        await purgeSucceededJobs(db, succeededJobRetentionHours);
      }),
      handleJob(purgeIdempotencyKeysJob, async () => {
        const tenantIds = await deps.listTenantIds();
        await db.transaction(async (tx) => {
          for (const tenantId of tenantIds) await enqueue(tx, purgeTenantIdempotencyKeysJob, { tenantId });
        });
      }),
      handleJob(purgeTenantIdempotencyKeysJob, async ({ tenantId }) => {
        await purgeExpiredIdempotencyKeys(db, tenantId);
      }),
    ],
    schedules: [
      scheduleJob(purgeSucceededJobsJob, "17 3 * * *", {}),
      scheduleJob(purgeIdempotencyKeysJob, "7 * * * *", {}),
    ],
  };
}
