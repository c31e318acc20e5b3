import { z } from "zod";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { defineJob, handleJob } from "../../../platform/queue/definitions.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import type { ObjectStore } from "../../../platform/storage.ts";
import { clientForChannel } from "../channels/provider-client.ts";
import { findChannel } from "../channels/repo.ts";
import { findMedia, updateMedia } from "../messages/repo.ts";

export const fetchMediaJob = defineJob({
  name: "inbox.media.fetch",
  payload: z.object({ tenantId: z.uuid(), mediaId: z.uuid(), channelId: z.uuid() }),
  maxAttempts: 6,
  timeoutMs: 120_000,
});

export const mediaStorageKey = (tenantId: string, mediaId: string) => `media/${tenantId}/${mediaId}`;

/**
 * Downloads a customer's photo, voice note or document through the Graph media endpoint and keeps
 * it in the object store: the provider's download URL expires within minutes, ours does not.
 */
export function createMediaJobs(deps: { db: Db; secrets: SecretBox; storage: ObjectStore }) {
  return [
    handleJob(fetchMediaJob, async ({ tenantId, mediaId, channelId }) => {
      const found = await withTenant(deps.db, tenantId, async (tx) => ({
        media: (await findMedia(tx, tenantId, [mediaId]))[0],
        channel: await findChannel(tx, tenantId, channelId),
      }));
      if (!found.media?.providerMediaId || !found.channel || found.media.storageKey) return;
      const client = clientForChannel(deps.secrets, found.channel);
      const info = await client.getMediaInfo(found.media.providerMediaId);
      const file = await client.downloadMedia(info.url);
      const key = mediaStorageKey(tenantId, mediaId);
      await deps.storage.put(key, file.data);
      await withTenant(deps.db, tenantId, async (tx) => {
        await updateMedia(tx, tenantId, mediaId, {
          storageKey: key,
          byteSize: file.data.length,
          mimeType: file.mimeType || found.media?.mimeType,
        });
        await publishEvent(tx, { type: "inbox.media.ready", tenantId, data: { mediaId } });
      });
    }),
  ];
}
