import { randomBytes, randomInt } from "node:crypto";

/** A business phone number as Meta's app dashboard would hold it, with the app's webhook settings. */
export type RegisteredNumber = {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  callbackUrl: string;
  autoRead: boolean;
  qualityRating: "GREEN";
  messagingLimitTier: "TIER_1K";
  throughputLevel: "STANDARD";
  registeredAt: Date;
};

export type TemplateCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";

/** A message template in Meta's own shape (components as the Business Management API returns them). */
export type MessageTemplate = {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: "PENDING" | "APPROVED" | "REJECTED";
  components: Record<string, unknown>[];
};

export type StoredMedia = {
  id: string;
  phoneNumberId: string;
  bytes: Buffer;
  mimeType: string;
  sha256: string;
  filename?: string;
};

export type MessageStatus = "accepted" | "sent" | "delivered" | "read" | "failed" | "received";

export type TranscriptMessage = {
  id: string;
  direction: "in" | "out";
  type: string;
  text: string;
  caption?: string;
  template?: string;
  mediaId?: string;
  status: MessageStatus;
  error?: { code: number; title: string };
  timestamp: Date;
  bizOpaqueCallbackData?: string;
  /** Pricing category of an outbound message: "service", or the template's category in lower case. */
  category?: string;
  billing?: BillingConversation;
  /** The customer read it while it was still on its way: `read` follows `delivered`. */
  readRequested?: boolean;
};

/** Meta bills per 24-hour conversation and category; statuses carry that conversation's id. */
export type BillingConversation = { id: string; category: string; expiresAt: Date };

/** One customer talking with one business number. */
export type Conversation = {
  phoneNumberId: string;
  waId: string;
  name?: string;
  lastInboundAt?: Date;
  messages: TranscriptMessage[];
  billing: Map<string, BillingConversation>;
};

export type WebhookDelivery = {
  id: string;
  url: string;
  field: string;
  summary: string;
  payload: unknown;
  attempts: number;
  statusCode: number | null;
  ok: boolean;
  error?: string;
  createdAt: Date;
  lastAttemptAt?: Date;
};

export type WhatsAppSandboxState = {
  numbers: Map<string, RegisteredNumber>;
  templates: MessageTemplate[];
  media: Map<string, StoredMedia>;
  conversations: Map<string, Conversation>;
  /** Newest first, bounded: a debugging aid, not an archive. */
  deliveries: WebhookDelivery[];
};

/** The stand-in's memory. Lost on restart by design: the server registers its numbers again at start-up. */
export function createWhatsAppSandboxState(): WhatsAppSandboxState {
  return { numbers: new Map(), templates: [], media: new Map(), conversations: new Map(), deliveries: [] };
}

export function findConversation(state: WhatsAppSandboxState, phoneNumberId: string, waId: string) {
  return state.conversations.get(`${phoneNumberId}:${waId}`);
}

export function ensureConversation(state: WhatsAppSandboxState, phoneNumberId: string, waId: string) {
  const key = `${phoneNumberId}:${waId}`;
  let conversation = state.conversations.get(key);
  if (!conversation) {
    conversation = { phoneNumberId, waId, messages: [], billing: new Map() };
    state.conversations.set(key, conversation);
  }
  return conversation;
}

function findMessage(conversation: Conversation, messageId: string) {
  return conversation.messages.find((message) => message.id === messageId);
}

export function findMessageAnywhere(state: WhatsAppSandboxState, phoneNumberId: string, messageId: string) {
  for (const conversation of state.conversations.values()) {
    if (conversation.phoneNumberId !== phoneNumberId) continue;
    const message = findMessage(conversation, messageId);
    if (message) return { conversation, message };
  }
  return undefined;
}

export function listWabaNumbers(state: WhatsAppSandboxState, wabaId: string) {
  return [...state.numbers.values()].filter((number) => number.wabaId === wabaId);
}

export function createMessageId() {
  return `wamid.${randomBytes(30).toString("base64")}`;
}

/** Graph object ids are decimal; 15 digits keeps them exact as JSON numbers (the template webhook sends one). */
export function createObjectId() {
  return String(randomInt(10 ** 14, 2 ** 48 - 1));
}

export function toWaId(phone: string) {
  return phone.replace(/\D/g, "");
}

export function toUnixSeconds(date: Date) {
  return String(Math.floor(date.getTime() / 1000));
}
