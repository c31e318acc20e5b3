import type { InboundContent } from "../../../providers/whatsapp-cloud/index.ts";

/** The text an agent reads for a customer message, in the chat and as the list's preview. */
export function describeInboundContent(content: InboundContent): string {
  switch (content.type) {
    case "text":
      return content.body;
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      return content.caption ?? content.filename ?? mediaLabels[content.type];
    case "location":
      return [content.name, content.address].filter(Boolean).join(", ") || "📍 Location";
    case "contacts":
      return `👤 ${content.summary.map((contact) => contact.name ?? contact.phones[0] ?? "Contact").join(", ")}`;
    case "interactive":
      return content.title || content.description || "Form reply";
    case "button":
      return content.text;
    case "reaction":
      return content.emoji ? `Reacted ${content.emoji}` : "Removed a reaction";
    case "order":
      return "🛒 Order";
    case "system":
      return content.body;
    case "unsupported":
      return "Unsupported message";
  }
}

const mediaLabels = {
  image: "📷 Photo",
  video: "🎥 Video",
  audio: "🎤 Audio",
  document: "📄 Document",
  sticker: "Sticker",
} as const;
