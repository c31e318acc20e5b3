import { z } from "zod";

/**
 * Schemas of the WhatsApp Business Account webhook as Meta documents it
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components).
 * Every object is loose: Meta adds fields without notice, and an unknown field must never
 * cost us a message.
 */

/** Graph ids are strings, but a few payloads (template ids) send them as JSON numbers. */
export const graphIdSchema = z.union([z.string().min(1), z.number()]).transform(String);

/** Unix seconds, as a string in `messages`/`statuses` and as a number elsewhere. */
export const unixTimeSchema = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform((seconds) => new Date(Number(seconds) * 1000));

export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.unknown()),
});

export const webhookEntrySchema = z.looseObject({
  id: graphIdSchema,
  changes: z.array(z.unknown()),
});

export const webhookChangeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

export const webhookMetadataSchema = z.looseObject({
  display_phone_number: z.string(),
  phone_number_id: graphIdSchema,
});

export const messagesValueSchema = z.looseObject({
  metadata: webhookMetadataSchema,
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export const webhookContactSchema = z.looseObject({
  wa_id: z.string(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

/** An error as webhooks carry it (`messages[].errors`, `statuses[].errors`, `value.errors`). */
export type WebhookError = { code: number; title: string; message?: string; details?: string };

const webhookErrorSchema = z
  .looseObject({
    code: z.coerce.number(),
    title: z.string().optional(),
    message: z.string().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
  })
  .transform(
    (error): WebhookError => ({
      code: error.code,
      title: error.title ?? error.message ?? "",
      message: error.message,
      details: error.error_data?.details,
    }),
  );

/** Reads what can be read of an error list; an entry without a code is left out. */
export function readWebhookErrors(raw: unknown): WebhookError[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = webhookErrorSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export const statusSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: unixTimeSchema,
  recipient_id: z.string(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: z
    .looseObject({
      id: z.string(),
      expiration_timestamp: unixTimeSchema.optional(),
      origin: z.looseObject({ type: z.string() }).optional(),
    })
    .optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      category: z.string().optional(),
      type: z.string().optional(),
    })
    .optional(),
  errors: z.array(z.unknown()).optional(),
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update */
export const templateStatusValueSchema = z.looseObject({
  event: z.string(),
  message_template_id: graphIdSchema,
  message_template_name: z.string(),
  message_template_language: z.string(),
  reason: z.string().nullish(),
  message_template_category: z.string().optional(),
  rejection_info: z
    .looseObject({ reason: z.string().optional(), recommendation: z.string().optional() })
    .optional(),
});

export const templateQualityValueSchema = z.looseObject({
  message_template_id: graphIdSchema,
  message_template_name: z.string(),
  message_template_language: z.string(),
  previous_quality_score: z.string(),
  new_quality_score: z.string(),
});

const limitSchema = z.union([z.string(), z.number()]).transform(String).optional();

/**
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update
 * `max_daily_conversation_per_phone` is the older field; `max_daily_conversations_per_business` replaces
 * `current_limit` from February 2026.
 */
export const phoneQualityValueSchema = z.looseObject({
  display_phone_number: z.string(),
  event: z.string(),
  current_limit: limitSchema,
  old_limit: limitSchema,
  max_daily_conversation_per_phone: limitSchema,
  max_daily_conversations_per_business: limitSchema,
});

export const accountUpdateValueSchema = z.looseObject({ event: z.string().optional() });
