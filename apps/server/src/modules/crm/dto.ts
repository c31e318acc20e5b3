import { z } from "zod";
import { pageQuery } from "../../platform/http/pagination.ts";

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const createContactBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: email.optional(),
  phone: z.string().trim().min(3).max(40).optional().describe("Any international format; answered in E.164"),
});

export const updateContactBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  email: email.nullable().optional(),
  phone: z.string().trim().min(3).max(40).nullable().optional(),
});

export const contactSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable().describe("E.164"),
    phoneAsEntered: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Contact" });

export const contactQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional().describe("Searches name, email and phone (any format)"),
});

export const contactParams = z.strictObject({ id: z.uuid() });

export type CreateContactInput = z.infer<typeof createContactBody>;
export type UpdateContactInput = z.infer<typeof updateContactBody>;
export type ContactView = z.infer<typeof contactSchema>;
