import { Readable } from "node:stream";
import { z } from "zod";
import { requireActor } from "../../platform/http/auth.ts";
import { pageOf } from "../../platform/http/pagination.ts";
import type { ZodApp } from "../../platform/module.ts";
import { auditEventSchema, auditFilter, auditQuery } from "./dto.ts";
import type { AuditService } from "./service.ts";

const tags = ["audit"];

export function registerAuditRoutes(app: ZodApp, service: AuditService) {
  app.get(
    "/api/v1/audit-events",
    {
      schema: {
        tags,
        summary: "The organisation's audit log, newest first (owners and admins)",
        querystring: auditQuery,
        response: { 200: pageOf(auditEventSchema) },
      },
    },
    (request) => service.listEvents(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/audit-events/export",
    {
      schema: {
        tags,
        summary: "The filtered audit log as CSV (owners and admins)",
        querystring: auditFilter,
        produces: ["text/csv"],
        response: { 200: z.string().describe("CSV, one event per line") },
      },
    },
    async (request, reply) => {
      const lines = service.exportCsv(requireActor(request), request.query);
      return (
        reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="audit-log.csv"')
          // A stream is sent as it is; the schema above only documents the answer.
          .send(Readable.from(lines) as unknown as string)
      );
    },
  );
}
