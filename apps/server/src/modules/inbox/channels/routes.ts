import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf, singlePage } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { channelParams, channelSchema, connectWhatsAppBody, updateWhatsAppBody } from "./dto.ts";
import type { ChannelService } from "./service.ts";

const tags = ["inbox"];

export function registerChannelRoutes(app: ZodApp, service: ChannelService) {
  app.post(
    "/api/v1/channels/whatsapp",
    {
      schema: {
        tags,
        summary: "Connect a WhatsApp Cloud API number (owners and admins)",
        description:
          "Tokens and the app secret are stored encrypted and never returned. Point the app's webhook at `/webhooks/whatsapp` with the same verify token. A number connected already (here or in another organisation) is a 409.",
        body: connectWhatsAppBody,
        response: { 201: channelSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.connectWhatsApp(requireActor(request), request.body)),
  );

  app.get(
    "/api/v1/channels/whatsapp",
    {
      schema: {
        tags,
        summary: "The organisation's WhatsApp numbers",
        response: { 200: pageOf(channelSchema) },
      },
    },
    async (request) => singlePage(await service.listChannels(requireActor(request))),
  );

  app.get(
    "/api/v1/channels/whatsapp/:id",
    {
      schema: {
        tags,
        summary: "One WhatsApp number",
        params: channelParams,
        response: { 200: channelSchema },
      },
    },
    (request) => service.getChannel(requireActor(request), request.params.id),
  );

  app.patch(
    "/api/v1/channels/whatsapp/:id",
    {
      schema: {
        tags,
        summary: "Rotate a number's token, app secret or verify token, or change its send rate",
        params: channelParams,
        body: updateWhatsAppBody,
        response: { 200: channelSchema },
      },
    },
    (request) => service.updateWhatsApp(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/channels/whatsapp/:id",
    {
      schema: {
        tags,
        summary: "Disconnect a number, deleting its conversations (owners and admins)",
        params: channelParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.disconnectWhatsApp(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/v1/channels/whatsapp/:id/refresh",
    {
      schema: {
        tags,
        summary: "Fetch the number's name, quality rating and messaging tier from the provider again",
        params: channelParams,
        response: { 202: z.object({ queued: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await service.refreshWhatsApp(requireActor(request), request.params.id);
      return reply.code(202).send({ queued: true });
    },
  );
}
