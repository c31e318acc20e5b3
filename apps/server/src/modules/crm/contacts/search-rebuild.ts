import { z } from "zod";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { defineJob, handleJob } from "../../../platform/queue/definitions.ts";
import { contactSearchKeys, normaliseSearchText } from "./search-keys.ts";
import {
  listCompanyNames,
  listContactNames,
  setCompanySearchNames,
  setContactSearchKeys,
} from "./search-repo.ts";

const batchSize = 1000;

/**
 * Recomputes an organisation's search keys (contacts' and companies'), a transaction per batch;
 * enqueued by the migration that introduced them. Running it again changes nothing.
 */
export const rebuildSearchKeysJob = defineJob({
  name: "crm.rebuild-search-keys",
  payload: z.object({ tenantId: z.uuid() }),
  timeoutMs: 60 * 60_000,
});

export function createSearchKeysJobs(deps: { db: Db }) {
  const { db } = deps;
  return [
    handleJob(rebuildSearchKeysJob, async ({ tenantId }, context) => {
      let afterId: string | undefined;
      do {
        context.signal.throwIfAborted();
        afterId = await withTenant(db, tenantId, async (tx) => {
          const batch = await listContactNames(tx, tenantId, { afterId, limit: batchSize });
          await setContactSearchKeys(
            tx,
            tenantId,
            batch.map((contact) => ({ id: contact.id, ...contactSearchKeys(contact) })),
          );
          return batch.length === batchSize ? batch.at(-1)?.id : undefined;
        });
      } while (afterId);
      do {
        afterId = await withTenant(db, tenantId, async (tx) => {
          const batch = await listCompanyNames(tx, tenantId, { afterId, limit: batchSize });
          await setCompanySearchNames(
            tx,
            tenantId,
            batch.map((company) => ({ id: company.id, searchName: normaliseSearchText(company.name) })),
          );
          return batch.length === batchSize ? batch.at(-1)?.id : undefined;
        });
      } while (afterId);
    }),
  ];
}
