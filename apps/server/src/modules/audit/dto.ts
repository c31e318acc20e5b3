import { z } from "zod";
import { pageQuery } from "../../platform/http/pagination.ts";

const timestamp = z.iso.datetime({ offset: true });

export const auditFilter = z.strictObject({
  action: z.string().max(100).optional().describe("e.g. api_key.create"),
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional().describe("A user or API key id"),
  from: timestamp.optional().describe("Inclusive"),
  to: timestamp.optional().describe("Exclusive"),
});

export const auditQuery = auditFilter.extend(pageQuery.shape);

export const auditEventSchema = z
  .object({
    id: z.uuid(),
    actorType: z.enum(["user", "api_key", "system"]),
    actorId: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    changes: z.record(z.string(), z.unknown()).nullable().describe("Changed fields, secrets redacted"),
    createdAt: timestamp,
  })
  .meta({ id: "AuditEvent" });

export type AuditFilter = z.infer<typeof auditFilter>;
export type AuditEventView = z.infer<typeof auditEventSchema>;
