import { z } from "zod";
import type { Executor } from "../../../platform/db/client.ts";
import { publishEvent } from "../../../platform/events.ts";
import type { StatusEvent } from "../../../providers/whatsapp-cloud/index.ts";
import type { ChannelRow } from "../channels/repo.ts";
import * as messages from "../messages/repo.ts";

/** `played` is a voice message listened to: read, for the ticks. */
const applied = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  played: "read",
  failed: "failed",
} as const;

/**
 * A delivery status of one of our messages, found by the id we sent as `biz_opaque_callback_data`
 * (a status can overtake the send's own answer) or by the provider's id; only ever forward.
 */
export async function applyDeliveryStatus(tx: Executor, channel: ChannelRow, event: StatusEvent) {
  const { status } = event;
  const next = applied[status.status as keyof typeof applied];
  if (!next) return;
  const ours = z.uuid().safeParse(status.bizOpaqueCallbackData).success
    ? status.bizOpaqueCallbackData
    : undefined;
  const error = status.errors[0];
  const row = await messages.applyDeliveryStatus(
    tx,
    channel.tenantId,
    { id: ours, channelId: channel.id, providerMessageId: status.messageId },
    {
      status: next,
      at: status.timestamp,
      error:
        next === "failed"
          ? {
              code: error?.code ?? 0,
              title: error?.title ?? "Failed",
              detail: error?.details ?? error?.message,
            }
          : undefined,
    },
  );
  if (!row) return;
  await publishEvent(tx, {
    type: "inbox.message.status",
    tenantId: channel.tenantId,
    data: { conversationId: row.conversationId, messageId: row.id, status: row.status },
  });
}
