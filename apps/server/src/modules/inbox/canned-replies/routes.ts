import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import {
  cannedReplyParams,
  cannedReplyQuery,
  cannedReplySchema,
  createCannedReplyBody,
  updateCannedReplyBody,
} from "./dto.ts";
import type { CannedReplyService } from "./service.ts";

const tags = ["inbox"];

export function registerCannedReplyRoutes(app: ZodApp, service: CannedReplyService) {
  app.get(
    "/api/v1/canned-replies",
    {
      schema: {
        tags,
        summary: "Canned replies by shortcut; with `conversationId`, each also rendered for its contact",
        querystring: cannedReplyQuery,
        response: { 200: pageOf(cannedReplySchema) },
      },
    },
    (request) => service.listCannedReplies(requireActor(request), request.query),
  );

  app.post(
    "/api/v1/canned-replies",
    {
      schema: {
        tags,
        summary: "Save a canned reply (`/shortcut` in the composer)",
        description:
          "A shortcut another reply uses (ignoring case) is a 409; an unknown `{{variable}}` a 400 naming `body.body`.",
        body: createCannedReplyBody,
        response: { 201: cannedReplySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createCannedReply(requireActor(request), request.body)),
  );

  app.patch(
    "/api/v1/canned-replies/:id",
    {
      schema: {
        tags,
        summary: "Change a canned reply (its author, owners and admins)",
        params: cannedReplyParams,
        body: updateCannedReplyBody,
        response: { 200: cannedReplySchema },
      },
    },
    (request) => service.updateCannedReply(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/canned-replies/:id",
    {
      schema: {
        tags,
        summary: "Delete a canned reply (its author, owners and admins)",
        params: cannedReplyParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteCannedReply(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
