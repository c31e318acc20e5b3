import { z } from "zod";
import { type InboundContent, readInboundContent } from "./inbound-content.ts";
import { unixTimeSchema, type WebhookError, webhookContactSchema } from "./webhook-payload.ts";

/**
 * One customer message of a `messages` webhook, normalised. Formats:
 * https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
 */
export type InboundMessage = {
  /** The wamid. */
  id: string;
  /** The customer's wa_id. */
  from: string;
  profileName: string | null;
  timestamp: Date;
  type: InboundContent["type"];
  context?: MessageContext;
  referral?: AdReferral;
  content: InboundContent;
  /** The message exactly as received, so nothing Meta sends is ever lost. */
  raw: unknown;
};

export type MessageContext = {
  /** The quoted message, absent on a forward. */
  id?: string;
  from?: string;
  forwarded: boolean;
  frequentlyForwarded: boolean;
};

/** A Click-to-WhatsApp ad or post the customer came from. */
export type AdReferral = {
  sourceUrl?: string;
  sourceId?: string;
  sourceType?: string;
  headline?: string;
  body?: string;
  mediaType?: string;
  imageUrl?: string;
  videoUrl?: string;
  thumbnailUrl?: string;
  ctwaClid?: string;
};

const baseMessageSchema = z.looseObject({
  id: z.string(),
  from: z.string(),
  timestamp: unixTimeSchema,
  type: z.string(),
});

const contextSchema = z.looseObject({
  id: z.string().optional(),
  from: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
});

const optionalText = z.string().optional();
const referralSchema = z.looseObject({
  source_url: optionalText,
  source_id: optionalText,
  source_type: optionalText,
  headline: optionalText,
  body: optionalText,
  media_type: optionalText,
  image_url: optionalText,
  video_url: optionalText,
  thumbnail_url: optionalText,
  ctwa_clid: optionalText,
});

/**
 * Normalises one entry of `value.messages`; null when it lacks even an id, sender, time or type.
 * `changeErrors` are the change's own `value.errors`, Meta's explanation when it could not
 * render a message's content.
 */
export function readInboundMessage(
  raw: unknown,
  contacts: unknown[],
  changeErrors: WebhookError[],
): InboundMessage | null {
  const base = baseMessageSchema.safeParse(raw);
  if (!base.success) return null;
  const message = base.data;
  const content = readInboundContent(message.type, message, changeErrors);
  const context = contextSchema.safeParse(message.context);
  const referral = referralSchema.safeParse(message.referral);
  return {
    id: message.id,
    from: message.from,
    profileName: findProfileName(contacts, message.from),
    timestamp: message.timestamp,
    type: content.type,
    ...(context.success && message.context !== undefined
      ? {
          context: {
            id: context.data.id,
            from: context.data.from,
            forwarded: context.data.forwarded ?? false,
            frequentlyForwarded: context.data.frequently_forwarded ?? false,
          },
        }
      : {}),
    ...(referral.success && message.referral !== undefined ? { referral: readReferral(referral.data) } : {}),
    content,
    raw,
  };
}

function findProfileName(contacts: unknown[], waId: string): string | null {
  for (const entry of contacts) {
    const contact = webhookContactSchema.safeParse(entry);
    if (contact.success && contact.data.wa_id === waId) return contact.data.profile?.name ?? null;
  }
  return null;
}

function readReferral(referral: z.infer<typeof referralSchema>): AdReferral {
  return {
    sourceUrl: referral.source_url,
    sourceId: referral.source_id,
    sourceType: referral.source_type,
    headline: referral.headline,
    body: referral.body,
    mediaType: referral.media_type,
    imageUrl: referral.image_url,
    videoUrl: referral.video_url,
    thumbnailUrl: referral.thumbnail_url,
    ctwaClid: referral.ctwa_clid,
  };
}
