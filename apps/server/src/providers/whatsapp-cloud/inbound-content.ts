import { z } from "zod";
import { readWebhookErrors, type WebhookError } from "./webhook-payload.ts";

export type InboundMediaType = "image" | "video" | "audio" | "document" | "sticker";

export type InboundMediaContent = {
  type: InboundMediaType;
  mediaId: string;
  mimeType: string;
  sha256: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
  animated?: boolean;
};

export type SharedContactSummary = { name: string | null; phones: string[] };

export type InboundContent =
  | { type: "text"; body: string }
  | InboundMediaContent
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string; url?: string }
  | { type: "contacts"; contacts: unknown[]; summary: SharedContactSummary[] }
  | {
      type: "interactive";
      replyKind: "button_reply" | "list_reply" | "nfm_reply";
      id: string;
      title: string;
      description?: string;
      /** Flow answers (`nfm_reply`), a JSON string. */
      responseJson?: string;
    }
  | { type: "button"; text: string; payload: string }
  /** An empty emoji means the customer removed their reaction. */
  | { type: "reaction"; messageId: string; emoji: string }
  | { type: "order"; raw: unknown }
  | { type: "system"; body: string; systemType: string; newWaId?: string }
  | { type: "unsupported"; errors: WebhookError[]; originalType?: string };

const optionalText = z.string().optional();

const mediaSchema = z.looseObject({
  id: z.string(),
  mime_type: z.string(),
  sha256: z.string(),
  caption: optionalText,
  filename: optionalText,
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

const sharedContactSchema = z.looseObject({
  name: z
    .looseObject({ formatted_name: optionalText, first_name: optionalText, last_name: optionalText })
    .optional(),
  phones: z.array(z.looseObject({ phone: optionalText, wa_id: optionalText })).optional(),
});

const replySchema = z.looseObject({ id: z.string(), title: z.string(), description: optionalText });
const interactiveSchema = z.looseObject({
  type: z.string(),
  button_reply: replySchema.optional(),
  list_reply: replySchema.optional(),
  nfm_reply: z.looseObject({ name: optionalText, body: optionalText, response_json: z.string() }).optional(),
});

const contentSchemas = {
  text: z.looseObject({ text: z.looseObject({ body: z.string() }) }),
  location: z.looseObject({
    location: z.looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: optionalText,
      address: optionalText,
      url: optionalText,
    }),
  }),
  contacts: z.looseObject({ contacts: z.array(z.unknown()) }),
  interactive: z.looseObject({ interactive: interactiveSchema }),
  button: z.looseObject({ button: z.looseObject({ text: z.string(), payload: z.string() }) }),
  reaction: z.looseObject({ reaction: z.looseObject({ message_id: z.string(), emoji: optionalText }) }),
  order: z.looseObject({ order: z.looseObject({}) }),
  system: z.looseObject({
    system: z.looseObject({
      body: z.string(),
      type: z.string(),
      wa_id: optionalText,
      new_wa_id: optionalText,
    }),
  }),
};

const mediaTypes: readonly string[] = ["image", "video", "audio", "document", "sticker"];

/**
 * The content of one message by its type. A type we do not know, or a known one whose object is
 * missing or malformed, becomes `unsupported` with Meta's errors: the message's own, else the
 * change's `value.errors`.
 */
export function readInboundContent(
  type: string,
  message: Record<string, unknown>,
  changeErrors: WebhookError[],
): InboundContent {
  const unsupported = (originalType: string | undefined): InboundContent => {
    const own = readWebhookErrors(message.errors);
    return { type: "unsupported", errors: own.length > 0 ? own : changeErrors, originalType };
  };
  if (mediaTypes.includes(type)) {
    const media = mediaSchema.safeParse(message[type]);
    return media.success ? readMedia(type as InboundMediaType, media.data) : unsupported(type);
  }
  switch (type) {
    case "text": {
      const parsed = contentSchemas.text.safeParse(message);
      return parsed.success ? { type, body: parsed.data.text.body } : unsupported(type);
    }
    case "location": {
      const parsed = contentSchemas.location.safeParse(message);
      if (!parsed.success) return unsupported(type);
      const { latitude, longitude, name, address, url } = parsed.data.location;
      return { type, latitude, longitude, name, address, url };
    }
    case "contacts": {
      const parsed = contentSchemas.contacts.safeParse(message);
      if (!parsed.success) return unsupported(type);
      return { type, contacts: parsed.data.contacts, summary: parsed.data.contacts.map(summariseContact) };
    }
    case "interactive": {
      const parsed = contentSchemas.interactive.safeParse(message);
      return (parsed.success && readInteractive(parsed.data.interactive)) || unsupported(type);
    }
    case "button": {
      const parsed = contentSchemas.button.safeParse(message);
      if (!parsed.success) return unsupported(type);
      return { type, text: parsed.data.button.text, payload: parsed.data.button.payload };
    }
    case "reaction": {
      const parsed = contentSchemas.reaction.safeParse(message);
      if (!parsed.success) return unsupported(type);
      return { type, messageId: parsed.data.reaction.message_id, emoji: parsed.data.reaction.emoji ?? "" };
    }
    case "order": {
      const parsed = contentSchemas.order.safeParse(message);
      return parsed.success ? { type, raw: parsed.data.order } : unsupported(type);
    }
    case "system": {
      const parsed = contentSchemas.system.safeParse(message);
      if (!parsed.success) return unsupported(type);
      const { body, type: systemType, wa_id, new_wa_id } = parsed.data.system;
      return { type, body, systemType, newWaId: new_wa_id ?? wa_id };
    }
    case "unsupported": {
      const inner = z.looseObject({ type: z.string() }).safeParse(message.unsupported);
      return unsupported(inner.success ? inner.data.type : undefined);
    }
    default:
      return unsupported(type);
  }
}

function readMedia(type: InboundMediaType, media: z.infer<typeof mediaSchema>): InboundMediaContent {
  return {
    type,
    mediaId: media.id,
    mimeType: media.mime_type,
    sha256: media.sha256,
    caption: media.caption,
    filename: media.filename,
    voice: media.voice,
    animated: media.animated,
  };
}

function summariseContact(raw: unknown): SharedContactSummary {
  const contact = sharedContactSchema.safeParse(raw);
  if (!contact.success) return { name: null, phones: [] };
  const name = contact.data.name;
  const joined = [name?.first_name, name?.last_name].filter(Boolean).join(" ");
  return {
    name: name?.formatted_name || joined || null,
    phones: (contact.data.phones ?? []).flatMap((phone) => phone.phone ?? phone.wa_id ?? []),
  };
}

function readInteractive(interactive: z.infer<typeof interactiveSchema>): InboundContent | null {
  if (interactive.type === "button_reply" && interactive.button_reply) {
    const { id, title } = interactive.button_reply;
    return { type: "interactive", replyKind: "button_reply", id, title };
  }
  if (interactive.type === "list_reply" && interactive.list_reply) {
    const { id, title, description } = interactive.list_reply;
    return { type: "interactive", replyKind: "list_reply", id, title, description };
  }
  if (interactive.type === "nfm_reply" && interactive.nfm_reply) {
    const { name, body, response_json } = interactive.nfm_reply;
    return {
      type: "interactive",
      replyKind: "nfm_reply",
      id: name ?? "flow",
      title: body ?? "",
      responseJson: response_json,
    };
  }
  return null;
}
