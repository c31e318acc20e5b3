import { requireActor } from "../../../platform/http/auth.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { bulkBody, bulkOperationParams, bulkOperationSchema, bulkResultSchema } from "./dto.ts";
import type { BulkService } from "./service.ts";

const tags = ["crm"];

export function registerBulkRoutes(app: ZodApp, service: BulkService) {
  app.post(
    "/api/v1/contacts/bulk",
    {
      schema: {
        tags,
        summary: "Tag, untag, assign, move or delete many contacts",
        description: [
          "Send `contactIds` (at most 1,000) or a `selection` (search `q`, `filter` object, `segmentId`), exactly one.",
          "Listed contacts change at once: 200 `{status: completed, processed}`; ids that are not this organisation's contacts are ignored.",
          "A selection runs as a job: 202 with the operation, whose progress arrives as `crm.bulk.progress` events on the realtime socket and at `GET /api/v1/contacts/bulk/{id}`.",
          "Deleting is for owners and admins.",
        ].join("\n\n"),
        body: bulkBody,
        response: { 200: bulkResultSchema, 202: bulkOperationSchema },
      },
    },
    async (request, reply) => {
      const outcome = await service.bulkContacts(requireActor(request), request.body);
      if (outcome.kind === "queued") return reply.code(202).send(outcome.operation);
      return reply.code(200).send({ status: "completed" as const, processed: outcome.processed });
    },
  );

  app.get(
    "/api/v1/contacts/bulk/:id",
    {
      schema: {
        tags,
        summary: "A bulk operation and its progress",
        params: bulkOperationParams,
        response: { 200: bulkOperationSchema },
      },
    },
    (request) => service.getOperation(requireActor(request), request.params.id),
  );
}
