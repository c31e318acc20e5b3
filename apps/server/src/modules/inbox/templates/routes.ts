import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { channelParams } from "../channels/dto.ts";
import { createTemplateBody, templateParams, templateQuery, templateSchema } from "./dto.ts";
import type { TemplateService } from "./service.ts";

const tags = ["inbox"];

export function registerTemplateRoutes(app: ZodApp, service: TemplateService) {
  app.get(
    "/api/v1/whatsapp/templates",
    {
      schema: {
        tags,
        summary: "List the message templates of the organisation's WhatsApp numbers, by name",
        querystring: templateQuery,
        response: { 200: pageOf(templateSchema) },
      },
    },
    (request) => service.listTemplates(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/whatsapp/templates/:id",
    {
      schema: {
        tags,
        summary: "One message template",
        params: templateParams,
        response: { 200: templateSchema },
      },
    },
    (request) => service.getTemplate(requireActor(request), request.params.id),
  );

  app.post(
    "/api/v1/whatsapp/templates",
    {
      schema: {
        tags,
        summary: "Submit a message template to Meta for review (owners and admins)",
        description:
          "Answers 201 with the template as Meta took it, usually PENDING; its review outcome arrives by webhook. A name already used in that language on the number is a 409; Meta's refusal is a 422 carrying Meta's title and message; Meta out of reach is a 503.",
        body: createTemplateBody,
        response: { 201: templateSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createTemplate(requireActor(request), request.body)),
  );

  app.post(
    "/api/v1/channels/whatsapp/:id/templates/sync",
    {
      schema: {
        tags,
        summary: "Fetch the number's templates from Meta again (owners and admins)",
        description: "Templates no longer at Meta are kept with status DELETED. Also done every 6 hours.",
        params: channelParams,
        response: { 202: z.object({ queued: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await service.syncTemplates(requireActor(request), request.params.id);
      return reply.code(202).send({ queued: true });
    },
  );
}
