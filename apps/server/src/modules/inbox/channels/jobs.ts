import { z } from "zod";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { defineJob, handleJob } from "../../../platform/queue/definitions.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import { WhatsAppApiError } from "../../../providers/whatsapp-cloud/index.ts";
import { enqueueTemplateSync } from "../templates/jobs.ts";
import { clientForChannel } from "./provider-client.ts";
import * as repo from "./repo.ts";

export const refreshChannelJob = defineJob({
  name: "inbox.channel.refresh",
  payload: z.object({ tenantId: z.uuid(), channelId: z.uuid() }),
  maxAttempts: 3,
  timeoutMs: 30_000,
});

/**
 * Reads the number's display name, quality rating and tier from the provider (a refusal is kept as
 * `lastError`), and then its message templates.
 */
export function createChannelJobs(deps: { db: Db; secrets: SecretBox }) {
  return [
    handleJob(refreshChannelJob, async ({ tenantId, channelId }) => {
      const channel = await withTenant(deps.db, tenantId, (tx) => repo.findChannel(tx, tenantId, channelId));
      if (!channel) return;
      let changes: Parameters<typeof repo.updateChannel>[3];
      try {
        const info = await clientForChannel(deps.secrets, channel).getPhoneNumber(channel.phoneNumberId);
        changes = {
          displayPhoneNumber: info.displayPhoneNumber,
          verifiedName: info.verifiedName,
          qualityRating: info.qualityRating,
          messagingLimitTier: info.messagingLimitTier ?? null,
          lastError: null,
        };
      } catch (error) {
        if (error instanceof WhatsAppApiError && error.retryable) throw error;
        changes = { lastError: error instanceof Error ? error.message : String(error) };
      }
      await withTenant(deps.db, tenantId, async (tx) => {
        await repo.updateChannel(tx, tenantId, channelId, changes);
        // A number that answers has its templates fetched too (then every 6 hours).
        if (changes.lastError === null) await enqueueTemplateSync(tx, tenantId, channelId);
        await publishEvent(tx, { type: "inbox.channel.changed", tenantId, data: { channelId } });
      });
    }),
  ];
}
