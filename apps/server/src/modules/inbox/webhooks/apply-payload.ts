import type { Executor } from "../../../platform/db/client.ts";
import { publishEvent } from "../../../platform/events.ts";
import { readWebhookEvents } from "../../../providers/whatsapp-cloud/index.ts";
import * as channels from "../channels/repo.ts";
import type { InboxCrm } from "../crm-port.ts";
import { applyTemplateEvent } from "../templates/apply-template-event.ts";
import { applyInboundMessage } from "./apply-message.ts";
import { applyDeliveryStatus } from "./apply-status.ts";

/** Everything one stored webhook delivery says, applied for one organisation in its transaction. */
export async function applyWebhookPayload(tx: Executor, crm: InboxCrm, tenantId: string, payload: unknown) {
  const numbers = new Map((await channels.listChannels(tx, tenantId)).map((row) => [row.phoneNumberId, row]));
  for (const event of readWebhookEvents(payload)) {
    if (event.kind === "message" || event.kind === "status") {
      const channel = numbers.get(event.phoneNumberId);
      if (!channel) continue;
      if (event.kind === "message") await applyInboundMessage(tx, crm, channel, event);
      else await applyDeliveryStatus(tx, channel, event);
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
