import { z } from "zod";
import { contactFilter } from "../filter/filter-dto.ts";

const segmentName = z.string().trim().min(1).max(100).describe("Unique in the organisation, ignoring case");

export const createSegmentBody = z.strictObject({
  name: segmentName,
  filter: contactFilter,
});
export const updateSegmentBody = z.strictObject({
  name: segmentName.optional(),
  filter: contactFilter.optional(),
});

const segmentShape = {
  id: z.uuid(),
  name: z.string(),
  filter: contactFilter,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
};

export const segmentSchema = z.object(segmentShape).meta({ id: "Segment" });
export const segmentDetailSchema = z
  .object({ ...segmentShape, count: z.number().int().describe("Contacts in the segment now") })
  .meta({ id: "SegmentDetail" });

export const segmentParams = z.strictObject({ id: z.uuid() });

export type CreateSegmentInput = z.infer<typeof createSegmentBody>;
export type UpdateSegmentInput = z.infer<typeof updateSegmentBody>;
export type SegmentView = z.infer<typeof segmentSchema>;
export type SegmentDetailView = z.infer<typeof segmentDetailSchema>;
