import { systemActor } from "../../../platform/actor.ts";
import type { Executor } from "../../../platform/db/client.ts";
import { publishEvent } from "../../../platform/events.ts";
import { newId } from "../../../platform/ids.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import type { MessageEvent } from "../../../providers/whatsapp-cloud/index.ts";
import type { ChannelRow } from "../channels/repo.ts";
import * as conversations from "../conversations/repo.ts";
import type { InboxCrm } from "../crm-port.ts";
import { fetchMediaJob } from "../media/jobs.ts";
import { describeInboundContent } from "../messages/inbound-content.ts";
import * as messages from "../messages/repo.ts";

/** Keywords by which a customer withdraws or gives WhatsApp consent (Meta's opt-out guidance, common languages). */
const optOutWords = new Set(["stop", "unsubscribe", "arret", "arrêt", "stopp", "baja", "parar", "alto"]);
const optInWords = new Set(["start", "unstop", "subscribe"]);

async function openConversation(
  tx: Executor,
  channel: ChannelRow,
  contactId: string,
  waId: string,
  at: Date,
) {
  const existing = await conversations.findOpenConversationForUpdate(
    tx,
    channel.tenantId,
    channel.id,
    contactId,
  );
  if (existing) return { conversation: existing, created: false };
  const created = await conversations.insertConversation(tx, {
    tenantId: channel.tenantId,
    id: newId(),
    channelId: channel.id,
    contactId,
    customerWaId: waId,
    lastMessageAt: at,
  });
  if (created) return { conversation: created, created: true };
  // Another drain lane opened it between our read and insert.
  const raced = await conversations.findOpenConversationForUpdate(
    tx,
    channel.tenantId,
    channel.id,
    contactId,
  );
  if (!raced) throw new Error("the open conversation vanished while being created");
  return { conversation: raced, created: false };
}

/**
 * One customer message: the contact (by phone), its open conversation (reopened if pending or
 * snoozed), the message (once: a redelivery is ignored), media fetched by a job, STOP/START as
 * consent, and a realtime event.
 */
export async function applyInboundMessage(
  tx: Executor,
  crm: InboxCrm,
  channel: ChannelRow,
  event: MessageEvent,
) {
  const { message } = event;
  const tenantId = channel.tenantId;
  if (await messages.hasProviderMessage(tx, tenantId, channel.id, message.id)) return;
  const phone = `+${message.from}`;
  const contact = await crm.findOrCreateByPhone(tx, systemActor(tenantId), {
    phone,
    name: message.profileName ?? phone,
    source: "whatsapp",
  });
  const { conversation, created } = await openConversation(
    tx,
    channel,
    contact.contactId,
    message.from,
    message.timestamp,
  );
  const text = describeInboundContent(message.content);
  const media =
    "mediaId" in message.content
      ? await messages.insertMedia(tx, {
          tenantId,
          id: newId(),
          providerMediaId: message.content.mediaId,
          mimeType: message.content.mimeType,
          fileName: message.content.filename ?? null,
          sha256: message.content.sha256,
        })
      : undefined;
  const row = await messages.insertMessage(tx, {
    tenantId,
    id: newId(),
    conversationId: conversation.id,
    channelId: channel.id,
    direction: "inbound",
    type: message.type,
    body: text,
    content: message.raw as Record<string, unknown>,
    mediaId: media?.id ?? null,
    providerMessageId: message.id,
    replyToProviderId: message.context?.id ?? null,
    status: "received",
    occurredAt: message.timestamp,
  });
  if (!row) return;
  await conversations.recordConversationMessage(tx, tenantId, conversation.id, {
    at: message.timestamp,
    preview: text,
    direction: "inbound",
    countsAsUnread: true,
  });
  if (conversation.status === "pending" || conversation.status === "snoozed") {
    await conversations.updateConversation(tx, tenantId, conversation.id, {
      status: "open",
      snoozedUntil: null,
    });
  }
  if (media) await enqueue(tx, fetchMediaJob, { tenantId, mediaId: media.id, channelId: channel.id });
  if (created) {
    await crm.appendActivities(tx, tenantId, [
      {
        contactId: contact.contactId,
        kind: "whatsapp.conversation.started",
        summary: `WhatsApp conversation started: ${text.slice(0, 80)}`,
        data: { conversationId: conversation.id, channelId: channel.id },
        occurredAt: message.timestamp,
      },
    ]);
  }
  if (message.content.type === "text") {
    const word = message.content.body.trim().toLowerCase();
    const consent = optOutWords.has(word) ? "opted_out" : optInWords.has(word) ? "opted_in" : undefined;
    if (consent) {
      await crm.recordWhatsAppConsent(
        tx,
        tenantId,
        contact.contactId,
        consent,
        `WhatsApp message "${message.content.body.trim()}"`,
        message.timestamp,
      );
    }
  }
  await publishEvent(tx, {
    type: "inbox.message.created",
    tenantId,
    data: {
      conversationId: conversation.id,
      messageId: row.id,
      providerMessageId: message.id,
      direction: "inbound",
      created,
    },
  });
}
