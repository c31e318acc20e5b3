import { requireActor } from "../../../platform/http/auth.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { consentChannelParams, consentParams, contactConsentSchema, recordConsentBody } from "./dto.ts";
import type { ConsentService } from "./service.ts";

const tags = ["crm"];

export function registerConsentRoutes(app: ZodApp, service: ConsentService) {
  app.get(
    "/api/v1/contacts/:id/consent",
    {
      schema: {
        tags,
        summary: "The contact's consent per channel, and its history",
        params: consentParams,
        response: { 200: contactConsentSchema },
      },
    },
    (request) => service.getConsent(requireActor(request), request.params.id),
  );

  app.put(
    "/api/v1/contacts/:id/consent/:channel",
    {
      schema: {
        tags,
        summary: "Record an opt-in or opt-out on one channel",
        description:
          "Always joins the history; becomes the current state unless the current one happened later (`occurredAt`).",
        params: consentChannelParams,
        body: recordConsentBody,
        response: { 200: contactConsentSchema },
      },
    },
    (request) =>
      service.changeConsent(requireActor(request), request.params.id, request.params.channel, request.body),
  );
}
