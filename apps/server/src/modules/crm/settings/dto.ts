import { z } from "zod";
import { customFieldTypes } from "../tables.ts";

const options = z
  .array(z.string().trim().min(1).max(100))
  .max(100)
  .refine((list) => new Set(list).size === list.length, "options must be unique");

export const createCustomFieldBody = z
  .strictObject({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "lower-case letters, digits and _, starting with a letter, at most 40")
      .describe("Stable key used in the API (`customFields.<key>`) and filters (`custom.<key>`)"),
    label: z.string().trim().min(1).max(100),
    type: z.enum(customFieldTypes),
    options: options.optional().describe("The choices of a select or multi_select field"),
  })
  .refine((body) => !["select", "multi_select"].includes(body.type) || (body.options?.length ?? 0) > 0, {
    path: ["options"],
    message: "a select field needs at least one option",
  });

export const updateCustomFieldBody = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  options: options.optional(),
});

export const customFieldSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    type: z.enum(customFieldTypes),
    options: z.array(z.string()),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "CustomField" });

export const customFieldParams = z.strictObject({ id: z.uuid() });

export type CreateCustomFieldInput = z.infer<typeof createCustomFieldBody>;
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldBody>;
export type CustomFieldView = z.infer<typeof customFieldSchema>;

export const crmSettingsSchema = z
  .object({
    defaultCountry: z
      .string()
      .nullable()
      .describe("ISO 3166-1 alpha-2 country whose national phone format is understood, e.g. FR"),
  })
  .meta({ id: "CrmSettings" });

export const updateCrmSettingsBody = z.strictObject({
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, "a two-letter country code such as FR")
    .nullable(),
});
