import { z } from "zod";
import { contactFilter } from "../filter/filter-dto.ts";
import { lifecycleStages } from "../tables.ts";

export const bulkAction = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("tag"), tagId: z.uuid() }),
    z.strictObject({ type: z.literal("untag"), tagId: z.uuid() }),
    z.strictObject({
      type: z.literal("assign"),
      ownerId: z.uuid().nullable().describe("A member's user id; null removes the owner"),
    }),
    z.strictObject({ type: z.literal("stage"), lifecycleStage: z.enum(lifecycleStages) }),
    z.strictObject({ type: z.literal("delete").describe("Owners and admins only") }),
  ])
  .meta({ id: "BulkAction" });

/** Which contacts, as the list shows them: the search box, a filter, a segment; combined with AND. */
export const bulkSelection = z
  .strictObject({
    q: z.string().trim().max(200).optional(),
    filter: contactFilter.optional(),
    segmentId: z.uuid().optional(),
  })
  .meta({ id: "BulkSelection" });

export const maxBulkContactIds = 1_000;

export const bulkBody = z
  .strictObject({
    action: bulkAction,
    contactIds: z
      .array(z.uuid())
      .min(1)
      .max(maxBulkContactIds)
      .optional()
      .describe("Up to 1,000 contacts, changed at once"),
    selection: bulkSelection.optional().describe("Every contact of a search, filter or segment, as a job"),
  })
  .refine((body) => (body.contactIds === undefined) !== (body.selection === undefined), {
    path: ["selection"],
    message: "send either contactIds or selection, not both and not neither",
  });

export const bulkOperationStatuses = ["queued", "running", "completed", "failed"] as const;

export const bulkOperationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(bulkOperationStatuses),
    action: bulkAction,
    selection: bulkSelection,
    total: z.number().int().describe("Contacts matching when the operation was created"),
    processed: z.number().int(),
    failure: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "BulkOperation" });

export const bulkResultSchema = z
  .object({ status: z.literal("completed"), processed: z.number().int() })
  .meta({ id: "BulkResult" });

export const bulkOperationParams = z.strictObject({ id: z.uuid() });

export type BulkAction = z.infer<typeof bulkAction>;
export type BulkSelection = z.infer<typeof bulkSelection>;
export type BulkInput = z.infer<typeof bulkBody>;
export type BulkOperationView = z.infer<typeof bulkOperationSchema>;
