import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { contactTagParams, createTagBody, tagParams, tagQuery, tagSchema, updateTagBody } from "./dto.ts";
import type { TagService } from "./service.ts";

const tags = ["crm"];

export function registerTagRoutes(app: ZodApp, service: TagService) {
  app.post(
    "/api/v1/tags",
    {
      schema: {
        tags,
        summary: "Create a tag",
        description: "A name another tag has, ignoring case, is a 409 naming `body.name`.",
        body: createTagBody,
        response: { 201: tagSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createTag(requireActor(request), request.body)),
  );

  app.get(
    "/api/v1/tags",
    {
      schema: {
        tags,
        summary: "List tags by name, each with its number of contacts",
        querystring: tagQuery,
        response: { 200: pageOf(tagSchema) },
      },
    },
    (request) => service.listTags(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/tags/:id",
    { schema: { tags, summary: "One tag", params: tagParams, response: { 200: tagSchema } } },
    (request) => service.getTag(requireActor(request), request.params.id),
  );

  app.patch(
    "/api/v1/tags/:id",
    {
      schema: {
        tags,
        summary: "Rename or recolour a tag",
        params: tagParams,
        body: updateTagBody,
        response: { 200: tagSchema },
      },
    },
    (request) => service.updateTag(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/tags/:id",
    {
      schema: {
        tags,
        summary: "Delete a tag, removing it from every contact (owners and admins)",
        params: tagParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteTag(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.put(
    "/api/v1/contacts/:id/tags/:tagId",
    {
      schema: {
        tags,
        summary: "Tag a contact (again: no change)",
        params: contactTagParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.tagContact(requireActor(request), request.params.id, request.params.tagId);
      return reply.code(204).send();
    },
  );

  app.delete(
    "/api/v1/contacts/:id/tags/:tagId",
    {
      schema: {
        tags,
        summary: "Untag a contact",
        params: contactTagParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.untagContact(requireActor(request), request.params.id, request.params.tagId);
      return reply.code(204).send();
    },
  );
}
