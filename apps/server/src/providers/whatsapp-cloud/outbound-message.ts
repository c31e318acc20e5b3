import { z } from "zod";

/**
 * What we send through `POST /{phone-number-id}/messages`
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages).
 */
export type OutboundMessage =
  | { type: "text"; body: string; previewUrl?: boolean }
  | OutboundMediaMessage
  | { type: "template"; name: string; languageCode: string; components: TemplateComponentParameters[] }
  /** An empty emoji removes our reaction. */
  | { type: "reaction"; messageId: string; emoji: string };

/** Media already uploaded (`mediaId`) or fetched by Meta from a public HTTPS `link`. */
export type MediaReference = { mediaId: string; link?: never } | { link: string; mediaId?: never };

export type OutboundMediaMessage =
  | ({ type: "image" | "video"; caption?: string } & MediaReference)
  | ({ type: "document"; caption?: string; filename?: string } & MediaReference)
  | ({ type: "audio" | "sticker" } & MediaReference);

/** Meta's media object inside template parameters: `{id}` or `{link}`. */
export type TemplateMediaObject = { id: string } | { link: string };

export type TemplateTextParameter = { type: "text"; text: string; parameter_name?: string };

export type TemplateHeaderParameter =
  | TemplateTextParameter
  | { type: "image"; image: TemplateMediaObject }
  | { type: "video"; video: TemplateMediaObject }
  | { type: "document"; document: TemplateMediaObject & { filename?: string } };

/**
 * One component of a template send, in Meta's exact shape
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates).
 * `index` is the button's zero-based position in the template, as a string.
 */
export type TemplateComponentParameters =
  | { type: "header"; parameters: TemplateHeaderParameter[] }
  | { type: "body"; parameters: TemplateTextParameter[] }
  | {
      type: "button";
      sub_type: "quick_reply";
      index: string;
      parameters: { type: "payload"; payload: string }[];
    }
  | { type: "button"; sub_type: "url"; index: string; parameters: TemplateTextParameter[] };

export type SendOptions = {
  /** Echoed back on every status webhook of this message. */
  bizOpaqueCallbackData?: string;
  /** Quotes one of the conversation's messages. */
  replyToMessageId?: string;
};

export type SentMessage = { messageId: string; waId: string; messageStatus?: string };

/** The JSON body of a send. */
export function buildMessagePayload(to: string, message: OutboundMessage, options: SendOptions = {}) {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    ...(options.replyToMessageId ? { context: { message_id: options.replyToMessageId } } : {}),
    ...(options.bizOpaqueCallbackData ? { biz_opaque_callback_data: options.bizOpaqueCallbackData } : {}),
    type: message.type,
    [message.type]: buildTypedObject(message),
  };
}

function buildTypedObject(message: OutboundMessage): Record<string, unknown> {
  switch (message.type) {
    case "text":
      return {
        body: message.body,
        ...(message.previewUrl === undefined ? {} : { preview_url: message.previewUrl }),
      };
    case "template":
      return {
        name: message.name,
        language: { code: message.languageCode },
        ...(message.components.length > 0 ? { components: message.components } : {}),
      };
    case "reaction":
      return { message_id: message.messageId, emoji: message.emoji };
    default: {
      const media: Record<string, unknown> = message.mediaId
        ? { id: message.mediaId }
        : { link: message.link };
      if ("caption" in message && message.caption) media.caption = message.caption;
      if ("filename" in message && message.filename) media.filename = message.filename;
      return media;
    }
  }
}

const sendResponseSchema = z.looseObject({
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string() })).min(1),
  messages: z.array(z.looseObject({ id: z.string(), message_status: z.string().optional() })).min(1),
});

/** Reads a send's answer; null when it lacks the message id. */
export function readSendResponse(body: unknown): SentMessage | null {
  const parsed = sendResponseSchema.safeParse(body);
  if (!parsed.success) return null;
  const [contact] = parsed.data.contacts;
  const [message] = parsed.data.messages;
  if (!contact || !message) return null;
  return { messageId: message.id, waId: contact.wa_id, messageStatus: message.message_status };
}
