import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf, pageQuery } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { activitySchema, timelineParams } from "./dto.ts";
import type { TimelineService } from "./service.ts";

export function registerTimelineRoutes(app: ZodApp, service: TimelineService) {
  app.get(
    "/api/v1/contacts/:id/timeline",
    {
      schema: {
        tags: ["crm"],
        summary: "The contact's timeline, newest first",
        description: "CRM changes, notes, tags and consent, and what other modules append (messages, deals).",
        params: timelineParams,
        querystring: pageQuery,
        response: { 200: pageOf(activitySchema) },
      },
    },
    (request) => service.listTimeline(requireActor(request), request.params.id, request.query),
  );
}
