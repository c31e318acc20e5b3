import { randomBytes } from "node:crypto";
import type { WhatsAppContext } from "./context.ts";
import type { MessageError } from "./failures.ts";
import {
  type BillingConversation,
  type Conversation,
  type TranscriptMessage,
  toUnixSeconds,
} from "./state.ts";
import { buildMessagesValue, buildWebhookEnvelope, deliverWebhook } from "./webhooks.ts";

type OutboundStatus = "sent" | "delivered" | "read" | "failed";

const dayMs = 24 * 60 * 60 * 1000;

/** Reuses the open 24-hour conversation of that category, as Meta bills them, or opens one. */
function openBillingConversation(
  conversation: Conversation,
  category: string,
  now: Date,
): BillingConversation {
  const open = conversation.billing.get(category);
  if (open && open.expiresAt > now) return open;
  const billing = {
    id: randomBytes(16).toString("hex"),
    category,
    expiresAt: new Date(now.getTime() + dayMs),
  };
  conversation.billing.set(category, billing);
  return billing;
}

function buildStatus(
  conversation: Conversation,
  message: TranscriptMessage,
  status: OutboundStatus,
  now: Date,
  error?: MessageError,
) {
  const base = {
    id: message.id,
    status,
    timestamp: toUnixSeconds(now),
    recipient_id: conversation.waId,
    ...(message.bizOpaqueCallbackData !== undefined && {
      biz_opaque_callback_data: message.bizOpaqueCallbackData,
    }),
  };
  if (status === "failed") return { ...base, errors: error ? [error] : [] };
  const billing = message.billing;
  if (!billing) return base;
  return {
    ...base,
    conversation: {
      id: billing.id,
      ...(status === "sent" && { expiration_timestamp: toUnixSeconds(billing.expiresAt) }),
      origin: { type: billing.category },
    },
    pricing: { billable: true, pricing_model: "CBP", category: billing.category },
  };
}

async function advanceStatus(
  context: WhatsAppContext,
  conversation: Conversation,
  message: TranscriptMessage,
  status: OutboundStatus,
  error?: MessageError,
) {
  const now = new Date();
  message.status = status;
  if (error) message.error = { code: error.code, title: error.title };
  if (status === "sent")
    message.billing = openBillingConversation(conversation, message.category ?? "service", now);
  const number = context.state.numbers.get(conversation.phoneNumberId);
  if (!number) return;
  const value = buildMessagesValue(number, conversation, {
    statuses: [buildStatus(conversation, message, status, now, error)],
  });
  await deliverWebhook(
    context,
    number,
    buildWebhookEnvelope(number.wabaId, "messages", value),
    `${status} ${message.id}`,
  );
}

/** The `read` status, once: held back until `delivered` when the customer reads a message still on its way. */
export async function markOutboundRead(
  context: WhatsAppContext,
  conversation: Conversation,
  message: TranscriptMessage,
) {
  if (message.direction !== "out" || message.status === "read" || message.status === "failed") return false;
  if (message.status !== "delivered") {
    message.readRequested = true;
    return false;
  }
  await advanceStatus(context, conversation, message, "read");
  return true;
}

async function runDelivery(context: WhatsAppContext, conversation: Conversation, message: TranscriptMessage) {
  const { delays, tasks } = context;
  await tasks.sleep(delays.sentMs);
  await advanceStatus(context, conversation, message, "sent");
  await tasks.sleep(Math.max(0, delays.deliveredMs - delays.sentMs));
  await advanceStatus(context, conversation, message, "delivered");
  if (message.readRequested) {
    await markOutboundRead(context, conversation, message);
    return;
  }
  if (!context.state.numbers.get(conversation.phoneNumberId)?.autoRead) return;
  await tasks.sleep(delays.autoReadMs);
  await markOutboundRead(context, conversation, message);
}

async function runFailure(
  context: WhatsAppContext,
  conversation: Conversation,
  message: TranscriptMessage,
  error: MessageError,
) {
  await context.tasks.sleep(context.delays.sentMs);
  await advanceStatus(context, conversation, message, "failed", error);
}

/** Plays the accepted message's status webhooks in the background: sent, delivered (and read), or failed. */
export function startStatusUpdates(
  context: WhatsAppContext,
  conversation: Conversation,
  message: TranscriptMessage,
  error?: MessageError,
) {
  const run = error
    ? runFailure(context, conversation, message, error)
    : runDelivery(context, conversation, message);
  run.catch((failure: unknown) =>
    context.log.error({ err: failure }, "whatsapp sandbox status updates failed"),
  );
}
