import { z } from "zod";
import { requireActor } from "../../platform/http/auth.ts";
import { pageOf, pageQuery } from "../../platform/http/pagination.ts";
import type { ZodApp } from "../../platform/module.ts";
import {
  apiKeyParams,
  apiKeySchema,
  createApiKeyBody,
  createdApiKeySchema,
  deleteOrganizationBody,
  meResponse,
  organizationSettingsSchema,
  updateOrganizationBody,
} from "./dto.ts";
import type { IdentityService } from "./service.ts";

const tags = ["identity"];

export function registerIdentityRoutes(app: ZodApp, service: IdentityService) {
  app.patch(
    "/api/v1/organization",
    {
      schema: {
        tags,
        summary: "Rename my organisation or require two-factor authentication (owners and admins)",
        body: updateOrganizationBody,
        response: { 200: organizationSettingsSchema },
      },
    },
    (request) => service.updateOrganization(requireActor(request), request.body),
  );

  app.delete(
    "/api/v1/organization",
    {
      schema: {
        tags,
        summary: "Delete my organisation and erase its data (owners; confirm with its slug)",
        body: deleteOrganizationBody,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteOrganization(requireActor(request), request.body.confirm);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/me",
    {
      config: { allowRestricted: true },
      schema: {
        tags,
        summary: "Who is calling: user or API key, organisation and role",
        response: { 200: meResponse },
      },
    },
    (request) => service.describeCaller(requireActor(request)),
  );

  app.get(
    "/api/v1/api-keys",
    {
      schema: {
        tags,
        summary: "List the organisation's API keys, newest first",
        querystring: pageQuery,
        response: { 200: pageOf(apiKeySchema) },
      },
    },
    (request) => service.listApiKeys(requireActor(request), request.query),
  );

  app.post(
    "/api/v1/api-keys",
    {
      schema: {
        tags,
        summary: "Create an API key (the secret is in this response only)",
        body: createApiKeyBody,
        response: { 201: createdApiKeySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createApiKey(requireActor(request), request.body)),
  );

  app.delete(
    "/api/v1/api-keys/:id",
    {
      schema: {
        tags,
        summary: "Revoke an API key",
        params: apiKeyParams,
        response: { 200: apiKeySchema },
      },
    },
    (request) => service.revokeApiKey(requireActor(request), request.params.id),
  );
}
