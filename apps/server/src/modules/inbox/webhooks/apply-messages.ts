import { systemActor } from "../../../platform/actor.ts";
import type { Executor } from "../../../platform/db/client.ts";
import { type DomainEvent, publishEvents } from "../../../platform/events.ts";
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

type Inbound = { channel: ChannelRow; event: MessageEvent };
const conversationKey = (channelId: string, contactId: string) => `${channelId}:${contactId}`;

/** The unresolved conversation of each (number, contact), opening the missing ones. */
async function openConversations(
  tx: Executor,
  tenantId: string,
  wanted: Map<string, { channelId: string; contactId: string; waId: string; at: Date }>,
) {
  const found = new Map<string, { id: string; created: boolean }>();
  const open = await conversations.findOpenConversationsForUpdate(tx, tenantId, [...wanted.values()]);
  for (const row of open)
    found.set(conversationKey(row.channelId, row.contactId), { id: row.id, created: false });
  for (const [key, need] of wanted) {
    if (found.has(key)) continue;
    const created = await conversations.insertConversation(tx, {
      tenantId,
      id: newId(),
      channelId: need.channelId,
      contactId: need.contactId,
      customerWaId: need.waId,
      lastMessageAt: need.at,
    });
    // Another drain lane may have opened it between our read and insert.
    const conversation =
      created ??
      (await conversations.findOpenConversationForUpdate(tx, tenantId, need.channelId, need.contactId));
    if (!conversation) throw new Error("the open conversation vanished while being created");
    found.set(key, { id: conversation.id, created: created !== undefined });
  }
  return found;
}

/**
 * Customer messages of one organisation, applied together in a handful of statements: contacts
 * found (or created) by phone, each one's unresolved conversation (opened, or reopened if pending
 * or snoozed), the messages stored once (redeliveries ignored), media fetched by jobs, STOP/START
 * recorded as consent, timeline entries for new conversations, and realtime events.
 */
export async function applyInboundMessages(
  tx: Executor,
  crm: InboxCrm,
  tenantId: string,
  inbound: Inbound[],
) {
  if (inbound.length === 0) return;
  const stored = await messages.findStoredProviderIds(
    tx,
    tenantId,
    [...new Set(inbound.map(({ channel }) => channel.id))],
    inbound.map(({ event }) => event.message.id),
  );
  const seen = new Set<string>();
  const fresh = inbound
    .filter(({ channel, event }) => {
      const key = `${channel.id}:${event.message.id}`;
      if (stored.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((entry) => ({ ...entry, text: describeInboundContent(entry.event.message.content) }));
  if (fresh.length === 0) return;

  const contacts = await crm.findOrCreateByPhones(
    tx,
    systemActor(tenantId),
    fresh.map(({ event }) => ({
      phone: `+${event.message.from}`,
      name: event.message.profileName ?? `+${event.message.from}`,
      source: "whatsapp",
    })),
  );
  const contactOf = ({ event }: Inbound) => contacts.get(`+${event.message.from}`)?.contactId as string;
  const wanted = new Map<string, { channelId: string; contactId: string; waId: string; at: Date }>();
  for (const entry of fresh) {
    const key = conversationKey(entry.channel.id, contactOf(entry));
    if (!wanted.has(key)) {
      wanted.set(key, {
        channelId: entry.channel.id,
        contactId: contactOf(entry),
        waId: entry.event.message.from,
        at: entry.event.message.timestamp,
      });
    }
  }
  const threads = await openConversations(tx, tenantId, wanted);
  const threadOf = (entry: Inbound) =>
    threads.get(conversationKey(entry.channel.id, contactOf(entry))) as { id: string; created: boolean };

  const media = new Map<string, string>();
  for (const { event, channel } of fresh) {
    const content = event.message.content;
    if (!("mediaId" in content)) continue;
    const row = await messages.insertMedia(tx, {
      tenantId,
      id: newId(),
      providerMediaId: content.mediaId,
      mimeType: content.mimeType,
      fileName: content.filename ?? null,
      sha256: content.sha256,
    });
    media.set(event.message.id, row.id);
    await enqueue(tx, fetchMediaJob, { tenantId, mediaId: row.id, channelId: channel.id });
  }

  const inserted = await messages.insertMessages(
    tx,
    fresh.map((entry) => {
      const { message } = entry.event;
      return {
        tenantId,
        id: newId(),
        conversationId: threadOf(entry).id,
        channelId: entry.channel.id,
        direction: "inbound" as const,
        type: message.type,
        body: entry.text,
        content: message.raw as Record<string, unknown>,
        mediaId: media.get(message.id) ?? null,
        providerMessageId: message.id,
        replyToProviderId: message.context?.id ?? null,
        status: "received" as const,
        occurredAt: message.timestamp,
      };
    }),
  );
  const insertedIds = new Set(inserted.map((row) => row.providerMessageId));
  const applied = fresh.filter(({ event }) => insertedIds.has(event.message.id));

  const perConversation = new Map<
    string,
    { conversationId: string; at: Date; preview: string; count: number }
  >();
  for (const entry of applied) {
    const id = threadOf(entry).id;
    const { message } = entry.event;
    const current = perConversation.get(id);
    const preview = entry.text;
    if (!current) perConversation.set(id, { conversationId: id, at: message.timestamp, preview, count: 1 });
    else {
      current.count += 1;
      if (message.timestamp >= current.at) Object.assign(current, { at: message.timestamp, preview });
    }
  }
  await conversations.recordInboundMessages(tx, tenantId, [...perConversation.values()]);

  // A new conversation's first message opens its timeline entry.
  const opened = new Set<string>();
  const started = applied.filter((entry) => {
    const thread = threadOf(entry);
    if (!thread.created || opened.has(thread.id)) return false;
    opened.add(thread.id);
    return true;
  });
  await crm.appendActivities(
    tx,
    tenantId,
    started.map((entry) => ({
      contactId: contactOf(entry),
      kind: "whatsapp.conversation.started",
      summary: `WhatsApp conversation started: ${entry.text.slice(0, 80)}`,
      data: { conversationId: threadOf(entry).id, channelId: entry.channel.id },
      occurredAt: entry.event.message.timestamp,
    })),
  );

  for (const entry of applied) {
    const content = entry.event.message.content;
    if (content.type !== "text") continue;
    const word = content.body.trim().toLowerCase();
    const consent = optOutWords.has(word) ? "opted_out" : optInWords.has(word) ? "opted_in" : undefined;
    if (consent) {
      await crm.recordWhatsAppConsent(
        tx,
        tenantId,
        contactOf(entry),
        consent,
        `WhatsApp message "${content.body.trim()}"`,
        entry.event.message.timestamp,
      );
    }
  }

  const rowByProviderId = new Map(inserted.map((row) => [row.providerMessageId, row]));
  await publishEvents(
    tx,
    applied.map((entry): DomainEvent => {
      const row = rowByProviderId.get(entry.event.message.id);
      return {
        type: "inbox.message.created",
        tenantId,
        data: {
          conversationId: threadOf(entry).id,
          messageId: row?.id,
          providerMessageId: entry.event.message.id,
          direction: "inbound",
          created: threadOf(entry).created,
        },
      };
    }),
  );
}
