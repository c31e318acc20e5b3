import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import {
  conversationMessageParams,
  messageParams,
  messageQuery,
  messageSchema,
  noteBody,
  sendMessageBody,
} from "./dto.ts";
import type { MessageService } from "./service.ts";

const tags = ["inbox"];

export function registerMessageRoutes(app: ZodApp, service: MessageService) {
  app.get(
    "/api/v1/conversations/:id/messages",
    {
      schema: {
        tags,
        summary: "A conversation's messages and notes, newest first (`nextCursor` goes to older ones)",
        params: conversationMessageParams,
        querystring: messageQuery,
        response: { 200: pageOf(messageSchema) },
      },
    },
    (request) => service.listMessages(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/api/v1/conversations/:id/messages",
    {
      schema: {
        tags,
        summary: "Reply to the customer (queued, then sent at the number's rate)",
        description:
          "Text, an uploaded attachment, or an approved template with every variable filled (`type: template`: the only kind WhatsApp delivers outside the 24-hour window; header media, body and button-URL variables are checked before anything is queued, a missing one is a 400 naming it). A free-form reply outside the window is refused with 409 `whatsapp_window_closed`, any reply on a resolved conversation with 409 `conversation_resolved`. Send an `Idempotency-Key` so a repeated click never sends twice.",
        params: conversationMessageParams,
        body: sendMessageBody,
        response: { 201: messageSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.sendMessage(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/conversations/:id/notes",
    {
      schema: {
        tags,
        summary: "Add an internal note (never sent to the customer), mentioning members",
        params: conversationMessageParams,
        body: noteBody,
        response: { 201: messageSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addNote(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/messages/:id/retry",
    {
      schema: {
        tags,
        summary: "Send a failed message again",
        params: messageParams,
        response: { 200: messageSchema },
      },
    },
    (request) => service.retryMessage(requireActor(request), request.params.id),
  );
}
