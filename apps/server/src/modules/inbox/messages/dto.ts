import { z } from "zod";
import { pageQuery } from "../../../platform/http/pagination.ts";
import { deliveryStatuses, messageDirections, messageKinds } from "../tables.ts";
import { sendTemplateInput } from "../templates/dto.ts";

/** WhatsApp's own limits (Cloud API media reference): what a reply may carry. */
export const attachmentLimits = {
  image: { bytes: 5 * 1024 * 1024, types: ["image/jpeg", "image/png"] },
  video: { bytes: 16 * 1024 * 1024, types: ["video/mp4", "video/3gpp"] },
  audio: {
    bytes: 16 * 1024 * 1024,
    types: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"],
  },
  document: { bytes: 100 * 1024 * 1024, types: [] as string[] },
} as const;
export type AttachmentKind = keyof typeof attachmentLimits;

const caption = z.string().trim().max(1024).optional();

export const sendMessageBody = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("text"),
    text: z.string().trim().min(1, "write something").max(4096),
    replyToMessageId: z.uuid().optional().describe("Quote one of the conversation's messages"),
  }),
  z.strictObject({
    type: z.enum(["image", "video", "audio", "document"]),
    mediaId: z.uuid().describe("An upload from POST /api/v1/media"),
    caption,
    replyToMessageId: z.uuid().optional(),
  }),
  z.strictObject({
    type: z.literal("template"),
    template: sendTemplateInput.describe("An approved template of this number with every variable filled"),
  }),
]);

export const noteBody = z.strictObject({
  body: z.string().trim().min(1, "write something").max(10_000),
  mentions: z.array(z.uuid()).max(20).optional().describe("Member user ids mentioned in the note"),
});

export const messageSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    direction: z.enum(messageDirections),
    kind: z.enum(messageKinds),
    type: z
      .string()
      .describe(
        "text, image, video, audio, document, sticker, location, contacts, interactive, button, reaction, template, unsupported, …",
      ),
    body: z.string().nullable().describe("What an agent reads: the text, a caption, or a description"),
    media: z
      .object({
        id: z.uuid(),
        mimeType: z.string(),
        fileName: z.string().nullable(),
        ready: z.boolean(),
        url: z.string(),
      })
      .nullable(),
    status: z.enum(deliveryStatuses),
    statusAt: z.iso.datetime({ offset: true }).nullable(),
    error: z.object({ code: z.number().int(), title: z.string(), detail: z.string().nullable() }).nullable(),
    authorId: z.uuid().nullable(),
    providerMessageId: z.string().nullable(),
    replyToProviderId: z.string().nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Message" });

export const messageQuery = pageQuery;
export const conversationMessageParams = z.strictObject({ id: z.uuid() });
export const messageParams = z.strictObject({ id: z.uuid() });

export type SendMessageInput = z.infer<typeof sendMessageBody>;
export type NoteInput = z.infer<typeof noteBody>;
export type MessageView = z.infer<typeof messageSchema>;
