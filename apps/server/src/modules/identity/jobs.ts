import { z } from "zod";
import type { Db } from "../../platform/db/client.ts";
import { eraseTenantRows } from "../../platform/db/tenant-erasure.ts";
import { defineJob, handleJob } from "../../platform/queue/definitions.ts";
import { deleteOrganization } from "./repo.ts";

/** Erases a deleted organisation and all it owns; idempotent, so a retry finishes the work. */
export const eraseOrganizationJob = defineJob({
  name: "identity.erase-organization",
  payload: z.object({ tenantId: z.uuid() }),
  timeoutMs: 30 * 60_000,
});

export function createIdentityJobs(db: Db) {
  return [
    handleJob(eraseOrganizationJob, async ({ tenantId }) => {
      await db.transaction(async (tx) => {
        // The organisation first: every table whose foreign key cascades from it empties with it.
        await deleteOrganization(tx, tenantId);
        await eraseTenantRows(tx, tenantId);
      });
    }),
  ];
}
