import { sandboxFailure } from "./failures.ts";
import { storeMedia } from "./media.ts";
import { createSampleDocument, createSampleImage } from "./sample-files.ts";
import {
  type Conversation,
  createMessageId,
  type RegisteredNumber,
  type StoredMedia,
  type TranscriptMessage,
  toUnixSeconds,
  type WhatsAppSandboxState,
} from "./state.ts";

const customerMessageTypes = [
  "text",
  "image",
  "document",
  "location",
  "reaction",
  "button",
  "interactive",
] as const;

/** What a simulated customer does; every field but the type's own is optional. */
export type CustomerMessageInput = {
  phoneNumberId?: string;
  name?: string;
  type?: (typeof customerMessageTypes)[number];
  /** The text; the caption of an image or document; the title of a button or interactive reply. */
  text?: string;
  latitude?: number;
  longitude?: number;
  locationName?: string;
  address?: string;
  emoji?: string;
  /** The business message reacted or answered to; the latest one by default. */
  replyTo?: string;
  /** A template quick-reply button's payload (defaults to its text). */
  payload?: string;
  /** An interactive reply's id (defaults to its title), and its kind. */
  replyId?: string;
  interactiveType?: "button_reply" | "list_reply";
  description?: string;
};

type Built = {
  content: Record<string, unknown>;
  line: Pick<TranscriptMessage, "text" | "caption" | "mediaId">;
};

const optionalText = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

function requireText(input: CustomerMessageInput, type: string) {
  const text = optionalText(input.text);
  if (!text) throw sandboxFailure(400, `A ${type} message needs "text"`);
  return text;
}

function findRepliedMessage(conversation: Conversation, input: CustomerMessageInput, kind?: string) {
  if (input.replyTo) return input.replyTo;
  const outbound = conversation.messages.filter((message) => message.direction === "out");
  const latest =
    (kind ? outbound.filter((message) => message.type === kind) : outbound).at(-1) ?? outbound.at(-1);
  if (!latest) throw sandboxFailure(400, "There is no business message to answer yet: pass replyTo");
  return latest.id;
}

/** Inbound webhooks give the file's SHA-256 in base64, where the media node gives hex. */
function describeMediaForWebhook(media: StoredMedia) {
  return {
    mime_type: media.mimeType,
    sha256: Buffer.from(media.sha256, "hex").toString("base64"),
    id: media.id,
  };
}

function buildContent(
  state: WhatsAppSandboxState,
  number: RegisteredNumber,
  conversation: Conversation,
  type: string,
  input: CustomerMessageInput,
): Built {
  const caption = optionalText(input.text);
  const context = (id: string) => ({ from: number.displayPhoneNumber.replace(/\D/g, ""), id });
  switch (type) {
    case "text": {
      const body = requireText(input, type);
      return { content: { text: { body } }, line: { text: body } };
    }
    case "image":
    case "document": {
      const isImage = type === "image";
      const media = storeMedia(state, {
        phoneNumberId: number.phoneNumberId,
        bytes: isImage ? createSampleImage() : createSampleDocument(),
        mimeType: isImage ? "image/png" : "application/pdf",
        ...(!isImage && { filename: "sample.pdf" }),
      });
      const described = {
        ...(caption !== undefined && { caption }),
        ...(!isImage && { filename: "sample.pdf" }),
        ...describeMediaForWebhook(media),
      };
      return { content: { [type]: described }, line: { text: caption ?? "", caption, mediaId: media.id } };
    }
    case "location": {
      const location = {
        latitude: input.latitude ?? 48.8584,
        longitude: input.longitude ?? 2.2945,
        ...(input.locationName !== undefined && { name: input.locationName }),
        ...(input.address !== undefined && { address: input.address }),
      };
      const text = input.locationName ?? `${location.latitude}, ${location.longitude}`;
      return { content: { location }, line: { text } };
    }
    case "reaction": {
      const emoji = input.emoji ?? "👍";
      const reaction = { message_id: findRepliedMessage(conversation, input), emoji };
      return { content: { reaction }, line: { text: emoji } };
    }
    case "button": {
      const text = requireText(input, type);
      const button = { payload: input.payload ?? text, text };
      return {
        content: { context: context(findRepliedMessage(conversation, input, "template")), button },
        line: { text },
      };
    }
    default: {
      const title = requireText(input, type);
      const kind = input.interactiveType ?? "button_reply";
      const reply = {
        id: input.replyId ?? title,
        title,
        ...(kind === "list_reply" && input.description !== undefined && { description: input.description }),
      };
      return {
        content: {
          context: context(findRepliedMessage(conversation, input, "interactive")),
          interactive: { type: kind, [kind]: reply },
        },
        line: { text: title },
      };
    }
  }
}

/** The customer's message as Meta's webhook carries it, and its transcript line (already appended). */
export function recordInboundMessage(
  state: WhatsAppSandboxState,
  number: RegisteredNumber,
  conversation: Conversation,
  input: CustomerMessageInput,
) {
  const type = input.type ?? "text";
  if (!customerMessageTypes.includes(type))
    throw sandboxFailure(400, `type must be one of ${customerMessageTypes.join(", ")}`);
  const { content, line } = buildContent(state, number, conversation, type, input);
  const now = new Date();
  const message: TranscriptMessage = {
    id: createMessageId(),
    direction: "in",
    type,
    ...line,
    status: "received",
    timestamp: now,
  };
  conversation.messages.push(message);
  conversation.lastInboundAt = now;
  const { context, ...rest } = content;
  const webhookMessage = {
    ...(context !== undefined && { context }),
    from: conversation.waId,
    id: message.id,
    timestamp: toUnixSeconds(now),
    type,
    ...rest,
  };
  return { message, webhookMessage };
}
