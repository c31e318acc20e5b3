import { z } from "zod";
import { pageQuery } from "../../../platform/http/pagination.ts";
import { cannedReplyVariables } from "./variables.ts";

const shortcut = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "letters, digits, - and _, up to 32, typed after /");
const body = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .describe(`Text with variables: ${cannedReplyVariables.map((name) => `{{${name}}}`).join(", ")}`);

export const createCannedReplyBody = z.strictObject({ shortcut, body });
export const updateCannedReplyBody = z.strictObject({ shortcut: shortcut.optional(), body: body.optional() });

export const cannedReplyQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe("Shortcuts starting with this, or text containing it"),
  conversationId: z
    .uuid()
    .optional()
    .describe("Also answer each reply rendered for this conversation's contact"),
});

export const cannedReplySchema = z
  .object({
    id: z.uuid(),
    shortcut: z.string(),
    body: z.string(),
    rendered: z.string().nullable().describe("With the variables filled for `conversationId`'s contact"),
    authorId: z.uuid().nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "CannedReply" });

export const cannedReplyParams = z.strictObject({ id: z.uuid() });

export type CreateCannedReplyInput = z.infer<typeof createCannedReplyBody>;
export type UpdateCannedReplyInput = z.infer<typeof updateCannedReplyBody>;
export type CannedReplyQuery = z.infer<typeof cannedReplyQuery>;
export type CannedReplyView = z.infer<typeof cannedReplySchema>;
