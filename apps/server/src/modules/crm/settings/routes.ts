import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import {
  createCustomFieldBody,
  crmSettingsSchema,
  customFieldParams,
  customFieldSchema,
  updateCrmSettingsBody,
  updateCustomFieldBody,
} from "./dto.ts";
import type { CrmSettingsService } from "./service.ts";

const tags = ["crm"];

export function registerCrmSettingsRoutes(app: ZodApp, service: CrmSettingsService) {
  app.get(
    "/api/v1/crm/settings",
    { schema: { tags, summary: "The organisation's CRM settings", response: { 200: crmSettingsSchema } } },
    (request) => service.getSettings(requireActor(request)),
  );

  app.patch(
    "/api/v1/crm/settings",
    {
      schema: {
        tags,
        summary: "Change the CRM settings (owners and admins)",
        body: updateCrmSettingsBody,
        response: { 200: crmSettingsSchema },
      },
    },
    (request) => service.updateSettings(requireActor(request), request.body),
  );

  app.get(
    "/api/v1/contact-fields",
    { schema: { tags, summary: "The custom contact fields", response: { 200: pageOf(customFieldSchema) } } },
    (request) => service.listCustomFields(requireActor(request)),
  );

  app.post(
    "/api/v1/contact-fields",
    {
      schema: {
        tags,
        summary: "Define a custom contact field (owners and admins)",
        body: createCustomFieldBody,
        response: { 201: customFieldSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createCustomField(requireActor(request), request.body)),
  );

  app.patch(
    "/api/v1/contact-fields/:id",
    {
      schema: {
        tags,
        summary: "Rename a custom field or change its options",
        params: customFieldParams,
        body: updateCustomFieldBody,
        response: { 200: customFieldSchema },
      },
    },
    (request) => service.updateCustomField(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/contact-fields/:id",
    {
      schema: {
        tags,
        summary: "Delete a custom field and its values",
        params: customFieldParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteCustomField(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
