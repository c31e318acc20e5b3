import { z } from "zod";
import { pageQuery } from "../../../platform/http/pagination.ts";
import { templateStatuses } from "./tables.ts";
import { checkTemplateDraft } from "./template-draft.ts";

export const templateName = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,512}$/, "lowercase letters, digits and underscores, at most 512");
export const templateLanguage = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "a language code as Meta writes it, e.g. en or en_US");

const buttonText = z.string().trim().min(1).max(25);
const webUrl = z.url({ protocol: /^https?$/ }).max(2000);

const draftButton = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("QUICK_REPLY"), text: buttonText }),
  z.strictObject({
    type: z.literal("URL"),
    text: buttonText,
    url: webUrl.describe("May end with {{1}}, filled in at send time"),
    example: webUrl.optional().describe("The full URL with a sample value, required when `url` has {{1}}"),
  }),
  z.strictObject({
    type: z.literal("PHONE_NUMBER"),
    text: buttonText,
    phoneNumber: z.string().regex(/^\+[1-9]\d{6,18}$/, "an E.164 number, e.g. +33612345678"),
  }),
]);

const createTemplateFields = z.strictObject({
  channelId: z.uuid(),
  name: templateName,
  language: templateLanguage,
  category: z
    .enum(["MARKETING", "UTILITY", "AUTHENTICATION"])
    .describe(
      "AUTHENTICATION templates have a text fixed by Meta: create them in WhatsApp Manager, then sync",
    ),
  header: z
    .strictObject({
      format: z.enum(["TEXT", "IMAGE", "VIDEO", "DOCUMENT"]),
      text: z
        .string()
        .trim()
        .min(1)
        .max(60)
        .optional()
        .describe("TEXT headers only; at most one variable, {{1}}"),
      example: z
        .string()
        .trim()
        .min(1)
        .max(2000)
        .optional()
        .describe(
          "TEXT: the sample value of {{1}}. Media: a sample's handle from Meta's resumable upload API",
        ),
    })
    .optional(),
  body: z.strictObject({
    text: z.string().trim().min(1).max(1024).describe("Variables are {{1}}, {{2}}, … in order"),
    examples: z
      .array(z.string().trim().min(1).max(1024))
      .max(100)
      .default([])
      .describe("One sample value per variable"),
  }),
  footer: z.string().trim().min(1).max(60).optional(),
  buttons: z
    .array(draftButton)
    .min(1)
    .max(10)
    .optional()
    .describe("At most 10: up to 2 URL and 1 PHONE_NUMBER; quick replies grouped together"),
});

export type CreateTemplateInput = z.infer<typeof createTemplateFields>;

export const createTemplateBody = createTemplateFields.superRefine(checkTemplateDraft);

const variablesSchema = z.object({
  header: z.number().int().describe("Values the header needs (a media header needs media instead)"),
  body: z.number().int(),
  buttons: z.array(
    z.object({
      index: z.number().int().describe("Zero-based position, as a send's `buttons[].index`"),
      type: z.string(),
      variables: z.number().int(),
    }),
  ),
});

export const templateSchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid(),
    name: z.string(),
    language: z.string(),
    category: z.string(),
    status: z.string().describe(`${templateStatuses.join(", ")}, … as Meta reports it`),
    rejectionReason: z.string().nullable(),
    qualityScore: z.string().nullable().describe("GREEN, YELLOW, RED or UNKNOWN"),
    components: z.array(z.unknown()).describe("Meta's component definitions, as Meta returns them"),
    variables: variablesSchema,
    syncedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "WhatsAppTemplate" });

export const templateQuery = pageQuery.extend({
  channelId: z.uuid().optional(),
  status: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z_]{1,40}$/)
    .optional(),
  q: z.string().trim().min(1).max(512).optional().describe("Part of the name"),
});

export const templateParams = z.strictObject({ id: z.uuid() });

export const sendTemplateInput = z
  .strictObject({
    name: templateName,
    language: templateLanguage,
    header: z
      .strictObject({
        text: z.string().min(1).max(60).optional().describe("The value of a TEXT header's variable"),
        mediaUrl: webUrl.optional().describe("A public link Meta fetches the media from"),
        mediaId: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe("Or the provider's id of uploaded media"),
        uploadId: z
          .uuid()
          .optional()
          .describe("Or a file uploaded with POST /api/v1/media (sent to WhatsApp with the message)"),
        fileName: z.string().trim().min(1).max(240).optional().describe("DOCUMENT headers only"),
      })
      .optional(),
    body: z
      .array(z.string().min(1).max(1024))
      .max(100)
      .optional()
      .describe("The values of {{1}}, {{2}}, … in order"),
    buttons: z
      .array(
        z.strictObject({
          index: z.number().int().min(0).max(9),
          text: z.string().min(1).max(2000).describe("A URL button's variable, or a quick reply's payload"),
        }),
      )
      .max(10)
      .optional(),
  })
  .meta({ id: "SendTemplateInput" });

export type TemplateView = z.infer<typeof templateSchema>;
export type TemplateQuery = z.infer<typeof templateQuery>;
export type SendTemplateInput = z.infer<typeof sendTemplateInput>;
