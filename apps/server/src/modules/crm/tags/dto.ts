import { z } from "zod";
import { pageQuery } from "../../../platform/http/pagination.ts";

/** A tag's name: what the CSV import checks each name against before `findOrCreateTagsByName`. */
export const tagName = z.string().trim().min(1).max(50);
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "a colour as #rrggbb")
  .toLowerCase();

export const createTagBody = z.strictObject({
  name: tagName.describe("Unique in the organisation, ignoring case"),
  color: color.optional().describe("#rrggbb; one of a palette when left out"),
});
export const updateTagBody = z.strictObject({ name: tagName.optional(), color: color.optional() });

export const tagSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    color: z.string().describe("#rrggbb"),
    contactCount: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Tag" });

export const tagQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(50).optional().describe("Names starting with this, ignoring case"),
});

export const tagParams = z.strictObject({ id: z.uuid() });
export const contactTagParams = z.strictObject({ id: z.uuid(), tagId: z.uuid() });

export type CreateTagInput = z.infer<typeof createTagBody>;
export type UpdateTagInput = z.infer<typeof updateTagBody>;
export type TagView = z.infer<typeof tagSchema>;
export type TagQuery = z.infer<typeof tagQuery>;
