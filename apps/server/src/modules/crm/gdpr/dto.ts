import { z } from "zod";
import { companySchema } from "../companies/dto.ts";
import { consentEventSchema, consentStateSchema } from "../consent/dto.ts";
import { contactSchema } from "../contacts/dto.ts";
import { noteSchema } from "../notes/dto.ts";
import { activitySchema } from "../timeline/dto.ts";

export const personalDataParams = z.strictObject({ id: z.uuid() });

export const contactPersonalDataSchema = z
  .object({
    exportedAt: z.iso.datetime({ offset: true }),
    contact: contactSchema.describe("The contact with its tags"),
    company: companySchema.nullable(),
    notes: z.array(noteSchema).describe("Every note, newest first"),
    consent: z.object({
      current: z.array(consentStateSchema).describe("The channels with a recorded consent"),
      history: z.array(consentEventSchema).describe("Every change ever recorded, newest first"),
    }),
    timeline: z.array(activitySchema).describe("Every activity, newest first"),
    other: z
      .record(z.string(), z.unknown())
      .describe("What other modules hold about the contact (messages, deals, …), by source"),
  })
  .meta({ id: "ContactPersonalData" });

export type ContactPersonalData = z.infer<typeof contactPersonalDataSchema>;
