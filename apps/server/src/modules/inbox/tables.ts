import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tenantId, timestamptz } from "../../platform/db/columns.ts";

export const conversationStatuses = ["open", "pending", "snoozed", "resolved"] as const;
export const messageDirections = ["inbound", "outbound"] as const;
/** `note` is an internal note: shown to agents in the conversation, never sent. */
export const messageKinds = ["message", "note"] as const;
/** Outbound delivery, in order; a status only ever moves forward (`failed` aside). */
export const deliveryStatuses = [
  "queued",
  "sent",
  "delivered",
  "read",
  "failed",
  "received",
  "internal",
] as const;

/**
 * A WhatsApp Cloud API phone number connected by an organisation. Tokens and the app secret are
 * sealed with the secret box (AES-256-GCM, key id inside). Quality and tier are as the provider
 * last reported them.
 */
export const whatsappChannels = pgTable(
  "whatsapp_channels",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    phoneNumberId: text().notNull(),
    wabaId: text().notNull(),
    displayPhoneNumber: text(),
    verifiedName: text(),
    qualityRating: text(),
    messagingLimitTier: text(),
    accessTokenSealed: text().notNull(),
    appSecretSealed: text().notNull(),
    verifyTokenSealed: text().notNull(),
    apiBaseUrl: text().notNull(),
    apiVersion: text().notNull(),
    sendRatePerSecond: integer().notNull().default(80),
    isSandbox: boolean().notNull().default(false),
    lastError: text(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("whatsapp_channels_number_key").on(table.tenantId, table.phoneNumberId),
  ],
);

/**
 * Which organisation a phone number id belongs to, read before any tenant is known (a webhook names
 * only the number; the verification handshake only its token). A platform table (`sbos_`): no
 * row-level security, one row per number across all organisations, so a number connects once.
 */
export const whatsappRoutes = pgTable(
  "sbos_whatsapp_routes",
  {
    phoneNumberId: text().primaryKey(),
    wabaId: text().notNull(),
    tenantId: uuid().notNull(),
    channelId: uuid().notNull(),
    verifyTokenHash: text().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index("sbos_whatsapp_routes_waba_idx").on(table.wabaId),
    index("sbos_whatsapp_routes_verify_idx").on(table.verifyTokenHash),
  ],
);

/**
 * A webhook body as received (signature checked), kept until it has been applied; the inbox's own
 * durable queue. A platform table: the webhook route writes it before any tenant transaction, and
 * the drain reads it across organisations with `for update skip locked`, as the job queue does.
 */
export const whatsappInbound = pgTable(
  "sbos_whatsapp_inbound",
  {
    id: uuid().primaryKey(),
    tenantId: uuid().notNull(),
    channelId: uuid().notNull(),
    payload: jsonb().notNull(),
    /** Which drain lane applies it: one customer's deliveries always share a lane, so they apply in order and never contend. */
    laneKey: integer().notNull().default(0),
    receivedAt: createdAt(),
    attempts: integer().notNull().default(0),
    retryAt: timestamptz().notNull().defaultNow(),
    lastError: text(),
  },
  (table) => [index("sbos_whatsapp_inbound_due_idx").on(table.retryAt, table.id)],
);

/**
 * One thread with one customer on one number. At most one is not resolved per contact and number;
 * a message after resolution opens a new one. `lastInboundAt` starts the 24-hour window.
 */
export const conversations = pgTable(
  "conversations",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    channelId: uuid().notNull(),
    contactId: uuid().notNull(),
    customerWaId: text().notNull(),
    status: text({ enum: conversationStatuses }).notNull().default("open"),
    snoozedUntil: timestamptz(),
    assigneeId: uuid(),
    unreadCount: integer().notNull().default(0),
    lastMessageAt: timestamptz().notNull().defaultNow(),
    lastMessagePreview: text(),
    lastMessageDirection: text({ enum: messageDirections }),
    lastInboundAt: timestamptz(),
    resolvedAt: timestamptz(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.channelId],
      foreignColumns: [whatsappChannels.tenantId, whatsappChannels.id],
    }).onDelete("cascade"),
    uniqueIndex("conversations_one_open_key")
      .on(table.tenantId, table.channelId, table.contactId)
      .where(sql`${table.status} <> 'resolved'`),
    index("conversations_recent_idx").on(table.tenantId, table.lastMessageAt, table.id),
    index("conversations_status_idx").on(table.tenantId, table.status, table.lastMessageAt, table.id),
    index("conversations_assignee_idx").on(table.tenantId, table.assigneeId, table.lastMessageAt, table.id),
    index("conversations_contact_idx").on(table.tenantId, table.contactId),
    index("conversations_snoozed_idx")
      .on(table.tenantId, table.snoozedUntil)
      .where(sql`${table.status} = 'snoozed'`),
  ],
);

/** Stored media (inbound downloads and outbound uploads), in the object store under `storageKey`. */
export const mediaFiles = pgTable(
  "media_files",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    storageKey: text(),
    providerMediaId: text(),
    mimeType: text().notNull(),
    fileName: text(),
    byteSize: bigint({ mode: "number" }),
    sha256: text(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

/**
 * A message or an internal note. Inbound messages are unique by the provider's id (a redelivered
 * webhook changes nothing); `occurredAt` is the provider's time for inbound messages, ours for the
 * rest, and orders the conversation. `content` keeps the provider's message as received.
 */
export const messages = pgTable(
  "messages",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    conversationId: uuid().notNull(),
    channelId: uuid().notNull(),
    direction: text({ enum: messageDirections }).notNull(),
    kind: text({ enum: messageKinds }).notNull().default("message"),
    type: text().notNull(),
    body: text(),
    content: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    mediaId: uuid(),
    providerMessageId: text(),
    replyToProviderId: text(),
    status: text({ enum: deliveryStatuses }).notNull(),
    statusAt: timestamptz(),
    errorCode: integer(),
    errorTitle: text(),
    errorDetail: text(),
    authorId: uuid(),
    occurredAt: timestamptz().notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.conversationId],
      foreignColumns: [conversations.tenantId, conversations.id],
    }).onDelete("cascade"),
    uniqueIndex("messages_provider_id_key").on(table.tenantId, table.channelId, table.providerMessageId),
    index("messages_conversation_idx").on(table.tenantId, table.conversationId, table.occurredAt, table.id),
    index("messages_body_trgm_idx").using("gin", sql`lower(${table.body}) gin_trgm_ops`),
  ],
);
