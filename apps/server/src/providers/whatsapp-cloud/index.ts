export {
  createWhatsAppCloudClient,
  type DownloadedMedia,
  type MediaInfo,
  type MediaUpload,
  type PhoneNumberInfo,
  type WhatsAppCloudClient,
  type WhatsAppCloudClientOptions,
} from "./client.ts";
export {
  createNetworkError,
  isRetryableFailure,
  readApiError,
  WhatsAppApiError,
  type WhatsAppApiErrorFields,
} from "./errors.ts";
export type {
  InboundContent,
  InboundMediaContent,
  InboundMediaType,
  SharedContactSummary,
} from "./inbound-content.ts";
export type { AdReferral, InboundMessage, MessageContext } from "./inbound-message.ts";
export type {
  CreatedTemplate,
  ProviderTemplate,
  TemplateButtonDefinition,
  TemplateCategory,
  TemplateComponentDefinition,
  TemplateDefinition,
  TemplateHeaderDefinition,
  TemplatePage,
} from "./message-templates.ts";
export {
  buildMessagePayload,
  type MediaReference,
  type OutboundMediaMessage,
  type OutboundMessage,
  readSendResponse,
  type SendOptions,
  type SentMessage,
  type TemplateComponentParameters,
  type TemplateHeaderParameter,
  type TemplateMediaObject,
  type TemplateTextParameter,
} from "./outbound-message.ts";
export { signWebhookBody, verifyWebhookSignature } from "./signature.ts";
export { countTemplateVariables } from "./template-variables.ts";
export {
  type AccountUpdateEvent,
  accountIdsOf,
  type DeliveryStatus,
  type IgnoredEvent,
  type MessageEvent,
  type MessageStatus,
  type PhoneQualityEvent,
  phoneNumberIdsOf,
  readWebhookEvents,
  type StatusEvent,
  type TemplateQualityEvent,
  type TemplateStatusEvent,
  type WebhookEvent,
} from "./webhook-events.ts";
export type { WebhookError } from "./webhook-payload.ts";
