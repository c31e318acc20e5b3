import { z } from "zod";
import { type InboundMessage, readInboundMessage } from "./inbound-message.ts";
import {
  accountUpdateValueSchema,
  messagesValueSchema,
  phoneQualityValueSchema,
  readWebhookErrors,
  statusSchema,
  templateQualityValueSchema,
  templateStatusValueSchema,
  type WebhookError,
  webhookChangeSchema,
  webhookEntrySchema,
  webhookEnvelopeSchema,
  webhookMetadataSchema,
} from "./webhook-payload.ts";

export type MessageEvent = {
  kind: "message";
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  message: InboundMessage;
};

/** Documented values: sent, delivered, read, played, failed, deleted; kept open for new ones. */
export type DeliveryStatus = "sent" | "delivered" | "read" | "played" | "failed" | "deleted" | (string & {});

export type MessageStatus = {
  messageId: string;
  status: DeliveryStatus;
  timestamp: Date;
  recipientId: string;
  bizOpaqueCallbackData?: string;
  conversation?: { id: string; expiresAt?: Date; originType?: string };
  pricing?: { billable?: boolean; pricingModel?: string; category?: string; type?: string };
  errors: WebhookError[];
};

export type StatusEvent = { kind: "status"; wabaId: string; phoneNumberId: string; status: MessageStatus };

export type TemplateStatusEvent = {
  kind: "template_status";
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  /** APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION, … */
  event: string;
  reason?: string;
  category?: string;
  rejectionInfo?: { reason?: string; recommendation?: string };
};

export type TemplateQualityEvent = {
  kind: "template_quality";
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  previousScore: string;
  newScore: string;
};

export type PhoneQualityEvent = {
  kind: "phone_quality";
  wabaId: string;
  displayPhoneNumber: string;
  event: string;
  currentLimit?: string;
  oldLimit?: string;
  maxDailyConversationPerPhone?: string;
  maxDailyConversationsPerBusiness?: string;
};

export type AccountUpdateEvent = {
  kind: "account_update";
  wabaId: string;
  event: string | null;
  raw: unknown;
};

/** A change we do not act on, or could not read: kept whole for the caller to log or store. */
export type IgnoredEvent = { kind: "ignored"; field: string; wabaId: string; raw: unknown };

export type WebhookEvent =
  | MessageEvent
  | StatusEvent
  | TemplateStatusEvent
  | TemplateQualityEvent
  | PhoneQualityEvent
  | AccountUpdateEvent
  | IgnoredEvent;

type ChangeReader = (wabaId: string, value: unknown) => WebhookEvent[] | null;

const changeReaders: Record<string, ChangeReader> = {
  messages: readMessagesChange,
  message_template_status_update: readTemplateStatusChange,
  message_template_quality_update: readTemplateQualityChange,
  phone_number_quality_update: readPhoneQualityChange,
  account_update: readAccountUpdateChange,
};

/**
 * Flattens one webhook delivery into events, in payload order. Never throws: a body that is not
 * a `whatsapp_business_account` envelope gives [], and a change it cannot read becomes `ignored`.
 */
export function readWebhookEvents(body: unknown): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const { wabaId, field, value } of readChanges(body)) {
    const reader = Object.hasOwn(changeReaders, field) ? changeReaders[field] : undefined;
    events.push(...(reader?.(wabaId, value) ?? [{ kind: "ignored", field, wabaId, raw: value }]));
  }
  return events;
}

const routableValueSchema = z.looseObject({ metadata: webhookMetadataSchema });

/** The business phone numbers a delivery is about, read before its signature can be checked. */
export function phoneNumberIdsOf(body: unknown): string[] {
  const ids = new Set<string>();
  for (const { value } of readChanges(body)) {
    const parsed = routableValueSchema.safeParse(value);
    if (parsed.success) ids.add(parsed.data.metadata.phone_number_id);
  }
  return [...ids];
}

/** The distinct WhatsApp Business Account ids a payload is about (template and account updates name no number). */
export function accountIdsOf(body: unknown): string[] {
  return [...new Set(readChanges(body).map((change) => change.wabaId))];
}

function readChanges(body: unknown): { wabaId: string; field: string; value: unknown }[] {
  const envelope = webhookEnvelopeSchema.safeParse(body);
  if (!envelope.success) return [];
  return envelope.data.entry.flatMap((rawEntry) => {
    const entry = webhookEntrySchema.safeParse(rawEntry);
    if (!entry.success) return [];
    return entry.data.changes.flatMap((rawChange) => {
      const change = webhookChangeSchema.safeParse(rawChange);
      return change.success
        ? [{ wabaId: entry.data.id, field: change.data.field, value: change.data.value }]
        : [];
    });
  });
}

function readMessagesChange(wabaId: string, value: unknown): WebhookEvent[] | null {
  const parsed = messagesValueSchema.safeParse(value);
  if (!parsed.success) return null;
  const { metadata, contacts = [], messages = [], statuses = [] } = parsed.data;
  if (messages.length === 0 && statuses.length === 0) return null;
  const phoneNumberId = metadata.phone_number_id;
  const changeErrors = readWebhookErrors(parsed.data.errors);
  const ignored = (raw: unknown): WebhookEvent => ({ kind: "ignored", field: "messages", wabaId, raw });
  return [
    ...messages.map((raw): WebhookEvent => {
      const message = readInboundMessage(raw, contacts, changeErrors);
      if (!message) return ignored(raw);
      return {
        kind: "message",
        wabaId,
        phoneNumberId,
        displayPhoneNumber: metadata.display_phone_number,
        message,
      };
    }),
    ...statuses.map((raw): WebhookEvent => {
      const status = statusSchema.safeParse(raw);
      return status.success
        ? { kind: "status", wabaId, phoneNumberId, status: readStatus(status.data) }
        : ignored(raw);
    }),
  ];
}

function readStatus(status: z.infer<typeof statusSchema>): MessageStatus {
  const { conversation, pricing } = status;
  return {
    messageId: status.id,
    status: status.status,
    timestamp: status.timestamp,
    recipientId: status.recipient_id,
    bizOpaqueCallbackData: status.biz_opaque_callback_data,
    conversation: conversation && {
      id: conversation.id,
      expiresAt: conversation.expiration_timestamp,
      originType: conversation.origin?.type,
    },
    pricing: pricing && {
      billable: pricing.billable,
      pricingModel: pricing.pricing_model,
      category: pricing.category,
      type: pricing.type,
    },
    errors: readWebhookErrors(status.errors),
  };
}

function readTemplateStatusChange(wabaId: string, value: unknown): WebhookEvent[] | null {
  const parsed = templateStatusValueSchema.safeParse(value);
  if (!parsed.success) return null;
  const change = parsed.data;
  return [
    {
      kind: "template_status",
      wabaId,
      templateId: change.message_template_id,
      name: change.message_template_name,
      language: change.message_template_language,
      event: change.event,
      reason: change.reason ?? undefined,
      category: change.message_template_category,
      rejectionInfo: change.rejection_info && {
        reason: change.rejection_info.reason,
        recommendation: change.rejection_info.recommendation,
      },
    },
  ];
}

function readTemplateQualityChange(wabaId: string, value: unknown): WebhookEvent[] | null {
  const parsed = templateQualityValueSchema.safeParse(value);
  if (!parsed.success) return null;
  const change = parsed.data;
  return [
    {
      kind: "template_quality",
      wabaId,
      templateId: change.message_template_id,
      name: change.message_template_name,
      language: change.message_template_language,
      previousScore: change.previous_quality_score,
      newScore: change.new_quality_score,
    },
  ];
}

function readPhoneQualityChange(wabaId: string, value: unknown): WebhookEvent[] | null {
  const parsed = phoneQualityValueSchema.safeParse(value);
  if (!parsed.success) return null;
  const change = parsed.data;
  return [
    {
      kind: "phone_quality",
      wabaId,
      displayPhoneNumber: change.display_phone_number,
      event: change.event,
      currentLimit: change.current_limit,
      oldLimit: change.old_limit,
      maxDailyConversationPerPhone: change.max_daily_conversation_per_phone,
      maxDailyConversationsPerBusiness: change.max_daily_conversations_per_business,
    },
  ];
}

function readAccountUpdateChange(wabaId: string, value: unknown): WebhookEvent[] | null {
  const parsed = accountUpdateValueSchema.safeParse(value);
  if (!parsed.success) return null;
  return [{ kind: "account_update", wabaId, event: parsed.data.event ?? null, raw: value }];
}
