import { z } from "zod";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { defineJob, handleJob, type JobContext } from "../../../platform/queue/definitions.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import type { ObjectStore } from "../../../platform/storage.ts";
import { type OutboundMessage, WhatsAppApiError } from "../../../providers/whatsapp-cloud/index.ts";
import { clientForChannel } from "../channels/provider-client.ts";
import { findChannel } from "../channels/repo.ts";
import { findConversation } from "../conversations/repo.ts";
import { withUploadedHeaderMedia } from "../templates/header-upload.ts";
import * as repo from "./repo.ts";
import type { SendRateLimiter } from "./send-rate.ts";

export const sendMessageJob = defineJob({
  name: "inbox.message.send",
  payload: z.object({ tenantId: z.uuid(), messageId: z.uuid() }),
  maxAttempts: 6,
  timeoutMs: 60_000,
});

/** What the send job needs, stored on the message when it is queued. */
export type QueuedSend = { outbound: OutboundMessage; attachmentId?: string };

/**
 * Sends a queued message: once (a message that has the provider's id or left `queued` is done),
 * at the number's rate, retried with backoff while the provider says it is temporary, otherwise
 * marked failed with the provider's reason.
 */
export function createSendJobs(deps: {
  db: Db;
  secrets: SecretBox;
  storage: ObjectStore;
  limiter: SendRateLimiter;
}) {
  const { db } = deps;

  async function markFailed(tenantId: string, message: repo.MessageRow, error: WhatsAppApiError | Error) {
    await withTenant(db, tenantId, async (tx) => {
      const changed = await repo.applyDeliveryStatus(
        tx,
        tenantId,
        { id: message.id, channelId: message.channelId, providerMessageId: message.providerMessageId },
        {
          status: "failed",
          at: new Date(),
          error:
            error instanceof WhatsAppApiError
              ? { code: error.code, title: error.title, detail: error.details ?? error.message }
              : { code: 0, title: "Not sent", detail: error.message },
        },
      );
      if (changed) {
        await publishEvent(tx, {
          type: "inbox.message.status",
          tenantId,
          data: { conversationId: message.conversationId, messageId: message.id, status: "failed" },
        });
      }
    });
  }

  async function send(payload: { tenantId: string; messageId: string }, context: JobContext) {
    const { tenantId, messageId } = payload;
    const loaded = await withTenant(db, tenantId, async (tx) => {
      const message = await repo.findMessage(tx, tenantId, messageId);
      if (!message) return undefined;
      return {
        message,
        conversation: await findConversation(tx, tenantId, message.conversationId),
        channel: await findChannel(tx, tenantId, message.channelId),
        attachment: message.mediaId ? (await repo.findMedia(tx, tenantId, [message.mediaId]))[0] : undefined,
      };
    });
    if (loaded?.message.status !== "queued" || loaded.message.providerMessageId) return;
    const { message, conversation, channel, attachment } = loaded;
    if (!conversation || !channel) return;
    const queued = message.content as unknown as QueuedSend;
    const client = clientForChannel(deps.secrets, channel);
    try {
      let outbound = queued.outbound;
      if (attachment) {
        const providerMediaId = attachment.providerMediaId ?? (await uploadAttachment(attachment));
        outbound =
          outbound.type === "template"
            ? withUploadedHeaderMedia(outbound, providerMediaId)
            : ({ ...outbound, mediaId: providerMediaId } as OutboundMessage);
      }
      await deps.limiter.take(channel.id, channel.sendRatePerSecond);
      const sent = await client.sendMessage(channel.phoneNumberId, conversation.customerWaId, outbound, {
        bizOpaqueCallbackData: message.id,
        ...(message.replyToProviderId ? { replyToMessageId: message.replyToProviderId } : {}),
      });
      await withTenant(db, tenantId, (tx) =>
        repo.updateMessage(tx, tenantId, message.id, { providerMessageId: sent.messageId }),
      );
    } catch (error) {
      const retryable = error instanceof WhatsAppApiError && error.retryable;
      if (retryable && context.attempt < sendMessageJob.maxAttempts) throw error;
      await markFailed(tenantId, message, error instanceof Error ? error : new Error(String(error)));
    }

    async function uploadAttachment(file: repo.MediaRow) {
      const data = file.storageKey ? await deps.storage.get(file.storageKey) : undefined;
      if (!data) throw new Error("The attachment's file is missing from storage.");
      const uploaded = await client.uploadMedia(channel?.phoneNumberId ?? "", {
        data,
        mimeType: file.mimeType,
        filename: file.fileName ?? "attachment",
      });
      await withTenant(db, tenantId, (tx) =>
        repo.updateMedia(tx, tenantId, file.id, { providerMediaId: uploaded.id }),
      );
      return uploaded.id;
    }
  }

  return [handleJob(sendMessageJob, send)];
}
