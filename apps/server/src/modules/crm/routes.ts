import { z } from "zod";
import { requireActor } from "../../platform/http/auth.ts";
import { pageOf } from "../../platform/http/pagination.ts";
import type { ZodApp } from "../../platform/module.ts";
import { contactParams, contactQuery, contactSchema, createContactBody, updateContactBody } from "./dto.ts";
import type { CrmService } from "./service.ts";

const tags = ["crm"];

export function registerCrmRoutes(app: ZodApp, service: CrmService) {
  app.post(
    "/api/v1/contacts",
    {
      schema: {
        tags,
        summary: "Create a contact",
        body: createContactBody,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createContact(requireActor(request), request.body)),
  );

  app.get(
    "/api/v1/contacts",
    {
      schema: {
        tags,
        summary: "List or search contacts, newest first",
        querystring: contactQuery,
        response: { 200: pageOf(contactSchema) },
      },
    },
    (request) => service.listContacts(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/contacts/:id",
    { schema: { tags, summary: "One contact", params: contactParams, response: { 200: contactSchema } } },
    (request) => service.getContact(requireActor(request), request.params.id),
  );

  app.patch(
    "/api/v1/contacts/:id",
    {
      schema: {
        tags,
        summary: "Change a contact",
        params: contactParams,
        body: updateContactBody,
        response: { 200: contactSchema },
      },
    },
    (request) => service.updateContact(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/contacts/:id",
    {
      schema: {
        tags,
        summary: "Delete a contact (owners and admins)",
        params: contactParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteContact(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
