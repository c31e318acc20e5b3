import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { contactPersonalDataSchema, personalDataParams } from "./dto.ts";
import type { GdprService } from "./service.ts";

const tags = ["crm"];

export function registerGdprRoutes(app: ZodApp, service: GdprService) {
  app.get(
    "/api/v1/contacts/:id/export",
    {
      schema: {
        tags,
        summary: "Everything held about one contact, as JSON (GDPR access and portability)",
        description:
          "The contact with its tags, company, notes, consent (current and history), timeline, and under `other` what further modules hold (messages, deals, …). Answered as an attachment; the audit log records that it was exported.",
        params: personalDataParams,
        response: { 200: contactPersonalDataSchema },
      },
    },
    async (request, reply) => {
      const data = await service.exportPersonalData(requireActor(request), request.params.id);
      return reply
        .header("content-disposition", `attachment; filename="contact-${request.params.id}.json"`)
        .header("cache-control", "no-store")
        .send(data);
    },
  );

  app.post(
    "/api/v1/contacts/:id/erase",
    {
      schema: {
        tags,
        summary: "Erase a contact and its personal data for good (owners and admins)",
        description:
          "Deletes the contact with its notes, tag links, consents and timeline, and scrubs what further modules hold about it (e.g. message contents), in one transaction. The audit log records the erasure by contact id only. Cannot be undone.",
        params: personalDataParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.eraseContact(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
