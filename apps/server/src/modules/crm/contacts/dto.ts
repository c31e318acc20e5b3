import { z } from "zod";
import { pageQuery } from "../../../platform/http/pagination.ts";
import { lifecycleStages } from "../tables.ts";

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
const phone = z.string().trim().min(3).max(40);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const contactFields = {
  name: z.string().trim().min(1).max(200),
  email: email.nullable().optional().describe("The primary email"),
  phone: phone.nullable().optional().describe("The primary phone, in any format; answered in E.164"),
  emails: z.array(email).max(20).optional().describe("Further emails"),
  phones: z.array(phone).max(20).optional().describe("Further phones, answered in E.164"),
  companyId: z.uuid().nullable().optional(),
  ownerId: z.uuid().nullable().optional().describe("A member's user id"),
  lifecycleStage: z.enum(lifecycleStages).optional(),
  source: optionalText(100),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language tag such as en or pt-BR")
    .nullable()
    .optional(),
  timezone: optionalText(64).describe("An IANA time zone such as Europe/Paris"),
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  customFields: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("Values of the organisation's custom fields by key; null clears one"),
};

export const createContactBody = z.strictObject(contactFields);
export const updateContactBody = z.strictObject({ ...contactFields, name: contactFields.name.optional() });

export const contactTagSchema = z.object({ id: z.uuid(), name: z.string(), color: z.string() });

export const contactSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable().describe("E.164"),
    phoneAsEntered: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    companyId: z.uuid().nullable(),
    company: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    ownerId: z.uuid().nullable(),
    lifecycleStage: z.enum(lifecycleStages),
    source: z.string().nullable(),
    language: z.string().nullable(),
    timezone: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    customFields: z.record(z.string(), z.unknown()),
    tags: z.array(contactTagSchema),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Contact" });

/** Which contacts: the search box, a filter, a segment; all combined with AND. */
export const contactSelection = z.strictObject({
  q: z.string().trim().max(200).optional().describe("Searches name, emails, phones (any format) and company"),
  filter: z.string().max(20_000).optional().describe("A ContactFilter as JSON"),
  segmentId: z.uuid().optional().describe("Only the contacts of this segment"),
});

export const contactQuery = pageQuery.extend({
  ...contactSelection.shape,
  sort: z.string().max(100).optional().describe("A field name (default createdAt), e.g. name or custom.plan"),
  order: z.enum(["asc", "desc"]).optional(),
});

export const contactCountSchema = z.object({ count: z.number().int() });
export const contactParams = z.strictObject({ id: z.uuid() });

export type CreateContactInput = z.infer<typeof createContactBody>;
export type UpdateContactInput = z.infer<typeof updateContactBody>;
export type ContactView = z.infer<typeof contactSchema>;
export type ContactSelection = z.infer<typeof contactSelection>;
export type ContactQuery = z.infer<typeof contactQuery>;

export const mergeContactsBody = z.strictObject({
  contactIds: z
    .array(z.uuid())
    .min(1)
    .max(10)
    .describe("The duplicates to merge into this contact and delete"),
});

export const duplicateSchema = z
  .object({
    contact: contactSchema,
    reasons: z.array(z.enum(["same_phone", "same_email", "similar_name"])),
  })
  .meta({ id: "ContactDuplicate" });
