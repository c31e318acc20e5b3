import type { Actor } from "../../../platform/actor.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { decodeSortCursor, encodeSortCursor, type Page } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import { enqueue } from "../../../platform/queue/enqueue.ts";
import type { OutboundMessage } from "../../../providers/whatsapp-cloud/index.ts";
import { windowOf } from "../conversations/present.ts";
import { recordOutboundMessage } from "../conversations/repo.ts";
import { loadConversation } from "../conversations/service.ts";
import { attachmentKindOf } from "../media/service.ts";
import { buildTemplateMessage } from "../templates/build-template-message.ts";
import { previewTemplate } from "../templates/preview.ts";
import type { TemplateRow } from "../templates/repo.ts";
import { findTemplateForSend } from "../templates/service.ts";
import { readTemplateLayout } from "../templates/template-layout.ts";
import type { MessageView, NoteInput, SendMessageInput } from "./dto.ts";
import { presentMessages } from "./present.ts";
import * as repo from "./repo.ts";
import { type QueuedSend, sendMessageJob } from "./send-job.ts";

export type MessageService = ReturnType<typeof createMessageService>;
type MemberCheck = (actor: Actor, userIds: string[]) => Promise<Set<string>>;

const windowClosed = (expiresAt: Date | null) =>
  new AppError(
    "conflict",
    expiresAt
      ? `The 24-hour window closed at ${expiresAt.toISOString()}: WhatsApp only delivers a template until the customer writes again.`
      : "The customer has not written on this number yet: WhatsApp only delivers a template.",
    { code: "whatsapp_window_closed" },
  );

/** A conversation's messages: history, replies through the queue, internal notes, retries. */
export function createMessageService(deps: { db: Db; checkMembers: MemberCheck }) {
  const { db } = deps;

  async function queueOutbound(
    tx: Executor,
    actor: Actor,
    conversation: Awaited<ReturnType<typeof loadConversation>>,
    message: {
      type: string;
      body: string;
      send: QueuedSend;
      mediaId?: string;
      replyToProviderId?: string | null;
    },
  ) {
    const now = new Date();
    const row = await repo.insertMessage(tx, {
      tenantId: actor.tenantId,
      id: newId(),
      conversationId: conversation.id,
      channelId: conversation.channelId,
      direction: "outbound",
      type: message.type,
      body: message.body,
      content: message.send as unknown as Record<string, unknown>,
      mediaId: message.mediaId ?? null,
      replyToProviderId: message.replyToProviderId ?? null,
      status: "queued",
      statusAt: now,
      authorId: actor.userId ?? null,
      occurredAt: now,
    });
    if (!row) throw new Error("the message insert returned nothing");
    await recordOutboundMessage(tx, actor.tenantId, conversation.id, { at: now, preview: message.body });
    await enqueue(tx, sendMessageJob, { tenantId: actor.tenantId, messageId: row.id });
    await publishEvent(tx, {
      type: "inbox.message.created",
      tenantId: actor.tenantId,
      data: { conversationId: conversation.id, messageId: row.id, direction: "outbound" },
    });
    return row;
  }

  async function replyTarget(
    tx: Executor,
    actor: Actor,
    conversationId: string,
    messageId: string | undefined,
  ) {
    if (!messageId) return null;
    const quoted = await repo.findMessage(tx, actor.tenantId, messageId);
    if (!quoted || quoted.conversationId !== conversationId || !quoted.providerMessageId) {
      throw new AppError("validation", "The quoted message is not a sent message of this conversation.", {
        errors: [{ field: "body.replyToMessageId", message: "not a message of this conversation" }],
      });
    }
    return quoted.providerMessageId;
  }

  return {
    /** Newest first; `nextCursor` pages to older messages. */
    listMessages: (
      actor: Actor,
      conversationId: string,
      query: { cursor?: string; limit: number },
    ): Promise<Page<MessageView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = decodeSortCursor(query.cursor);
        const rows = await repo.listMessages(tx, actor.tenantId, conversationId, {
          before: before?.value ? { at: before.value, id: before.id } : undefined,
          limit: query.limit + 1,
        });
        // Messages exist only in a conversation the caller may see: an empty page asks whether it exists.
        if (rows.length === 0) await loadConversation(tx, actor, conversationId);
        const pageRows = rows.slice(0, query.limit);
        const last = pageRows.at(-1);
        return {
          data: await presentMessages(tx, actor.tenantId, pageRows),
          nextCursor:
            rows.length > query.limit && last
              ? encodeSortCursor(last.occurredAt.toISOString(), last.id)
              : null,
        };
      }),

    /**
     * Queues a reply: refused (409) when the conversation is resolved or the 24-hour window is
     * closed, so nothing is accepted that WhatsApp would not deliver.
     */
    sendMessage: (actor: Actor, conversationId: string, input: SendMessageInput): Promise<MessageView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const conversation = await loadConversation(tx, actor, conversationId);
        if (conversation.status === "resolved") {
          throw new AppError("conflict", "This conversation is resolved; reopen it to reply.", {
            code: "conversation_resolved",
          });
        }
        let row: repo.MessageRow;
        if (input.type === "template") {
          const template = await findTemplateForSend(
            tx,
            actor.tenantId,
            conversation.channelId,
            input.template.name,
            input.template.language,
          );
          const { uploadId, ...header } = input.template.header ?? {};
          const upload = uploadId ? await loadHeaderUpload(tx, actor, template, uploadId) : undefined;
          // An upload stands in as the header's media id; the send job swaps in the provider's id.
          const values = upload
            ? { ...input.template, header: { ...header, mediaId: upload.id } }
            : input.template;
          const outbound = buildTemplateMessage(template, values);
          row = await queueOutbound(tx, actor, conversation, {
            type: "template",
            body: previewTemplate(template, values),
            send: { outbound, attachmentId: upload?.id },
            mediaId: upload?.id,
          });
          const [view] = await presentMessages(tx, actor.tenantId, [row]);
          return view as MessageView;
        }
        const window = windowOf(conversation);
        if (!window.open) throw windowClosed(window.expiresAt);
        const replyToProviderId = await replyTarget(tx, actor, conversationId, input.replyToMessageId);
        if (input.type === "text") {
          row = await queueOutbound(tx, actor, conversation, {
            type: "text",
            body: input.text,
            send: {
              outbound: { type: "text", body: input.text, previewUrl: /https?:\/\//.test(input.text) },
            },
            replyToProviderId,
          });
        } else {
          const [file] = await repo.findMedia(tx, actor.tenantId, [input.mediaId]);
          if (!file?.storageKey) {
            throw new AppError("validation", "The attachment was not found; upload it first.", {
              errors: [{ field: "body.mediaId", message: "not an upload of this organisation" }],
            });
          }
          const outbound = attachmentMessage(input.type, file, input.caption);
          row = await queueOutbound(tx, actor, conversation, {
            type: input.type,
            body: input.caption ?? file.fileName ?? input.type,
            send: { outbound, attachmentId: file.id },
            mediaId: file.id,
            replyToProviderId,
          });
        }
        const [view] = await presentMessages(tx, actor.tenantId, [row]);
        return view as MessageView;
      }),

    /** An internal note: shown to the team in the conversation, never sent to the customer. */
    addNote: async (actor: Actor, conversationId: string, input: NoteInput): Promise<MessageView> => {
      const mentions = [...new Set(input.mentions ?? [])];
      const members = mentions.length > 0 ? await deps.checkMembers(actor, mentions) : new Set<string>();
      const stranger = mentions.find((id) => !members.has(id));
      if (stranger) {
        throw new AppError("validation", "A mentioned person is not a member of this organisation.", {
          errors: [{ field: "body.mentions", message: `${stranger} is not a member` }],
        });
      }
      return withTenant(db, actor.tenantId, async (tx) => {
        const conversation = await loadConversation(tx, actor, conversationId);
        const now = new Date();
        const row = await repo.insertMessage(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          conversationId: conversation.id,
          channelId: conversation.channelId,
          direction: "outbound",
          kind: "note",
          type: "text",
          body: input.body,
          content: { mentions },
          status: "internal",
          authorId: actor.userId ?? null,
          occurredAt: now,
        });
        if (!row) throw new Error("the note insert returned nothing");
        await publishEvent(tx, {
          type: "inbox.message.created",
          tenantId: actor.tenantId,
          data: { conversationId, messageId: row.id, direction: "outbound", note: true, mentions },
        });
        const [view] = await presentMessages(tx, actor.tenantId, [row]);
        return view as MessageView;
      });
    },

    /** Sends a failed message again (a new attempt of the same message), within the window. */
    retryMessage: (actor: Actor, messageId: string): Promise<MessageView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const message = await repo.findMessage(tx, actor.tenantId, messageId);
        if (!message) throw notFound("The message");
        if (message.status !== "failed" || message.kind !== "message") {
          throw new AppError("conflict", "Only a failed message can be sent again.", {
            code: "message_not_failed",
          });
        }
        const conversation = await loadConversation(tx, actor, message.conversationId);
        const send = message.content as unknown as QueuedSend;
        const window = windowOf(conversation);
        if (send.outbound.type !== "template" && !window.open) throw windowClosed(window.expiresAt);
        const row = await repo.updateMessage(tx, actor.tenantId, messageId, {
          status: "queued",
          statusAt: new Date(),
          providerMessageId: null,
          errorCode: null,
          errorTitle: null,
          errorDetail: null,
        });
        await enqueue(tx, sendMessageJob, { tenantId: actor.tenantId, messageId });
        await publishEvent(tx, {
          type: "inbox.message.status",
          tenantId: actor.tenantId,
          data: { conversationId: message.conversationId, messageId, status: "queued" },
        });
        const [view] = await presentMessages(tx, actor.tenantId, [row as repo.MessageRow]);
        return view as MessageView;
      }),
  };
}

/** A file uploaded for a template's media header: this organisation's, and of the header's kind. */
async function loadHeaderUpload(tx: Executor, actor: Actor, template: TemplateRow, uploadId: string) {
  const [file] = await repo.findMedia(tx, actor.tenantId, [uploadId]);
  const format = readTemplateLayout(template.components).header?.format.toLowerCase();
  const kind = file ? attachmentKindOf(file.mimeType) : undefined;
  if (!file?.storageKey || !format || (format !== "document" && kind !== format)) {
    throw new AppError(
      "validation",
      "The upload is not a file of this organisation fitting the template's header.",
      {
        errors: [
          {
            field: "body.template.header.uploadId",
            message: file
              ? `the header takes ${format ?? "no media"}, this file is ${kind}`
              : "not an upload of this organisation",
          },
        ],
      },
    );
  }
  return file;
}

function attachmentMessage(
  type: "image" | "video" | "audio" | "document",
  file: repo.MediaRow,
  caption: string | undefined,
): OutboundMessage {
  // The provider's media id is filled in by the send job, which uploads the file first.
  const media = { mediaId: file.providerMediaId ?? "" };
  if (type === "audio") return { type, ...media };
  if (type === "document") return { type, ...media, caption, filename: file.fileName ?? undefined };
  return { type, ...media, caption };
}
