import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import {
  conversationParams,
  conversationQuery,
  conversationSchema,
  unreadCountsSchema,
  updateConversationBody,
} from "./dto.ts";
import type { ConversationService } from "./service.ts";

const tags = ["inbox"];

export function registerConversationRoutes(app: ZodApp, service: ConversationService) {
  app.get(
    "/api/v1/conversations",
    {
      schema: {
        tags,
        summary: "The team inbox: conversations, newest activity first",
        description:
          "`view` mine / unassigned / all; `status` (active = everything not resolved); by number, contact or assignee; keyset pages.",
        querystring: conversationQuery,
        response: { 200: pageOf(conversationSchema) },
      },
    },
    (request) => service.listConversations(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/conversations/unread",
    { schema: { tags, summary: "Unread conversations per view", response: { 200: unreadCountsSchema } } },
    (request) => service.unreadCounts(requireActor(request)),
  );

  app.get(
    "/api/v1/conversations/:id",
    {
      schema: {
        tags,
        summary: "One conversation",
        params: conversationParams,
        response: { 200: conversationSchema },
      },
    },
    (request) => service.getConversation(requireActor(request), request.params.id),
  );

  app.patch(
    "/api/v1/conversations/:id",
    {
      schema: {
        tags,
        summary: "Assign, snooze, resolve or reopen a conversation",
        description:
          "Reopening a resolved conversation while the contact has another open one on the number is a 409 naming it.",
        params: conversationParams,
        body: updateConversationBody,
        response: { 200: conversationSchema },
      },
    },
    (request) => service.updateConversation(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/conversations/:id/read",
    {
      schema: {
        tags,
        summary: "Mark a conversation read",
        params: conversationParams,
        response: { 200: conversationSchema },
      },
    },
    (request) => service.markRead(requireActor(request), request.params.id),
  );
}
