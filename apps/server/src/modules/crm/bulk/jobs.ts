import { z } from "zod";
import { defineJob, handleJob } from "../../../platform/queue/definitions.ts";
import type { BulkService } from "./service.ts";

/** Runs a bulk operation on a whole selection; rerunning it redoes the work, which changes nothing twice. */
export const runBulkOperationJob = defineJob({
  name: "crm.run-bulk-operation",
  payload: z.object({ tenantId: z.uuid(), operationId: z.uuid() }),
  maxAttempts: 3,
  timeoutMs: 2 * 60 * 60_000,
});

export function createBulkJobs(service: BulkService) {
  return [
    handleJob(runBulkOperationJob, async ({ tenantId, operationId }, context) => {
      try {
        await service.runOperation(tenantId, operationId, context.signal);
      } catch (error) {
        if (context.attempt >= runBulkOperationJob.maxAttempts) {
          await service.failOperation(tenantId, operationId, "The operation stopped on an internal error.");
        }
        throw error;
      }
    }),
  ];
}
