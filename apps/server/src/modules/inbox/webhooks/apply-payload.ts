import type { Executor } from "../../../platform/db/client.ts";
import { publishEvent } from "../../../platform/events.ts";
import { readWebhookEvents } from "../../../providers/whatsapp-cloud/index.ts";
import * as channels from "../channels/repo.ts";
import type { InboxCrm } from "../crm-port.ts";
import { applyTemplateEvent } from "../templates/apply-template-event.ts";
import { applyInboundMessages } from "./apply-messages.ts";
import { applyDeliveryStatus } from "./apply-status.ts";

/**
 * Everything a run of stored webhook deliveries says, applied for one organisation in its
 * transaction: customer messages together (see apply-messages.ts), the rest in order.
 */
export async function applyWebhookPayloads(
  tx: Executor,
  crm: InboxCrm,
  tenantId: string,
  payloads: unknown[],
  tenantChannels: channels.ChannelRow[],
) {
  const numbers = new Map(tenantChannels.map((row) => [row.phoneNumberId, row]));
  const events = payloads.flatMap((payload) => readWebhookEvents(payload));
  const inbound = events.flatMap((event) => {
    const channel = event.kind === "message" ? numbers.get(event.phoneNumberId) : undefined;
    return channel && event.kind === "message" ? [{ channel, event }] : [];
  });
  await applyInboundMessages(tx, crm, tenantId, inbound);
  for (const event of events) {
    if (event.kind === "status") {
      const channel = numbers.get(event.phoneNumberId);
      if (channel) await applyDeliveryStatus(tx, channel, event);
    } else if (event.kind === "template_status" || event.kind === "template_quality") {
      await applyTemplateEvent(tx, tenantId, event);
    } else if (event.kind === "phone_quality") {
      for (const channel of numbers.values()) {
        if (channel.wabaId !== event.wabaId) continue;
        const digits = (text: string | null) => (text ?? "").replace(/\D/g, "");
        if (
          channel.displayPhoneNumber &&
          digits(channel.displayPhoneNumber) !== digits(event.displayPhoneNumber)
        )
          continue;
        await channels.updateChannel(tx, tenantId, channel.id, {
          ...(event.currentLimit ? { messagingLimitTier: event.currentLimit } : {}),
          ...(event.event ? { qualityRating: qualityOf(event.event, channel.qualityRating) } : {}),
        });
        await publishEvent(tx, { type: "inbox.channel.changed", tenantId, data: { channelId: channel.id } });
      }
    }
  }
}

/** Meta's quality events: FLAGGED (quality fell), UNFLAGGED, UPGRADE/DOWNGRADE (tier moves). */
function qualityOf(event: string, current: string | null) {
  if (event === "FLAGGED") return "RED";
  if (event === "UNFLAGGED") return "GREEN";
  return current;
}
