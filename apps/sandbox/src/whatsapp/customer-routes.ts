import type { FastifyInstance } from "fastify";
import type { WhatsAppContext } from "./context.ts";
import { customerPageHtml, customerPageScript } from "./customer-page.ts";
import { sandboxFailure } from "./failures.ts";
import { type CustomerMessageInput, recordInboundMessage } from "./inbound-messages.ts";
import {
  ensureConversation,
  findConversation,
  type MessageStatus,
  type TranscriptMessage,
  toWaId,
  type WhatsAppSandboxState,
} from "./state.ts";
import { markOutboundRead } from "./statuses.ts";
import { buildMessagesValue, buildWebhookEnvelope, deliverWebhook } from "./webhooks.ts";

type CustomerRoute = { Params: { waId: string }; Querystring: { phoneNumberId?: string } };

const defaultCustomerName = "Sandbox customer";

function readWaId(param: string) {
  const waId = toWaId(param);
  if (waId.length < 6 || waId.length > 15)
    throw sandboxFailure(400, "waId must be a phone number of 6 to 15 digits");
  return waId;
}

/** The number the customer writes to: the one asked for, or the first registered. */
function resolveNumber(state: WhatsAppSandboxState, phoneNumberId: string | undefined) {
  if (phoneNumberId) {
    const number = state.numbers.get(phoneNumberId);
    if (!number) throw sandboxFailure(404, `No number ${phoneNumberId} is registered in the sandbox`);
    return number;
  }
  const first = state.numbers.values().next();
  if (first.done)
    throw sandboxFailure(
      404,
      "No WhatsApp number is registered in the sandbox yet (the server registers its own)",
    );
  return first.value;
}

/** One line of the conversation as the customer endpoints show it. */
export type TranscriptEntry = {
  id: string;
  direction: "in" | "out";
  type: string;
  text: string;
  caption?: string;
  template?: string;
  mediaId?: string;
  status: MessageStatus;
  error?: { code: number; title: string };
  timestamp: string;
};

function presentTranscriptMessage(message: TranscriptMessage): TranscriptEntry {
  return {
    id: message.id,
    direction: message.direction,
    type: message.type,
    text: message.text,
    ...(message.caption !== undefined && { caption: message.caption }),
    ...(message.template !== undefined && { template: message.template }),
    ...(message.mediaId !== undefined && { mediaId: message.mediaId }),
    status: message.status,
    ...(message.error !== undefined && { error: message.error }),
    timestamp: message.timestamp.toISOString(),
  };
}

/** The simulated customer: what a person on the other phone does, by API or from the customer page. */
export function registerCustomerRoutes(app: FastifyInstance, context: WhatsAppContext) {
  const { state } = context;

  app.get("/customer", async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(customerPageHtml),
  );
  app.get("/customer.js", async (_request, reply) =>
    reply.type("text/javascript; charset=utf-8").send(customerPageScript),
  );

  app.post<CustomerRoute & { Body: CustomerMessageInput | undefined }>(
    "/customers/:waId/messages",
    async (request) => {
      const waId = readWaId(request.params.waId);
      const input = request.body ?? {};
      const number = resolveNumber(state, input.phoneNumberId);
      const conversation = ensureConversation(state, number.phoneNumberId, waId);
      conversation.name = input.name || conversation.name || defaultCustomerName;
      const { message, webhookMessage } = recordInboundMessage(state, number, conversation, input);
      const value = buildMessagesValue(number, conversation, { messages: [webhookMessage] });
      await deliverWebhook(
        context,
        number,
        buildWebhookEnvelope(number.wabaId, "messages", value),
        `${message.type} from ${waId}`,
      );
      return { messageId: message.id };
    },
  );

  app.get<CustomerRoute>("/customers/:waId/conversation", async (request) => {
    const waId = readWaId(request.params.waId);
    const number = resolveNumber(state, request.query.phoneNumberId);
    const conversation = findConversation(state, number.phoneNumberId, waId);
    return { data: (conversation?.messages ?? []).map(presentTranscriptMessage) };
  });

  app.post<CustomerRoute>("/customers/:waId/read", async (request) => {
    const waId = readWaId(request.params.waId);
    const number = resolveNumber(state, request.query.phoneNumberId);
    const conversation = findConversation(state, number.phoneNumberId, waId);
    let read = 0;
    if (!conversation) return { read };
    for (const message of conversation.messages)
      if (await markOutboundRead(context, conversation, message)) read += 1;
    return { read };
  });
}
