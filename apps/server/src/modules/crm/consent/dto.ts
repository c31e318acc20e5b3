import { z } from "zod";
import { consentChannels, consentMethods, consentStatuses } from "../tables.ts";

export const consentParams = z.strictObject({ id: z.uuid() });
export const consentChannelParams = z.strictObject({ id: z.uuid(), channel: z.enum(consentChannels) });

export const recordConsentBody = z.strictObject({
  status: z.enum(consentStatuses),
  method: z.enum(consentMethods).describe("How it was given or withdrawn"),
  evidence: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .optional()
    .describe("What proves it: the form's URL, the message received, …"),
  occurredAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("When it happened (default now); an older change than the current one only joins the history"),
});

export const consentStateSchema = z
  .object({
    channel: z.enum(consentChannels),
    status: z.enum([...consentStatuses, "none"]),
    method: z.enum(consentMethods).nullable(),
    evidence: z.string().nullable(),
    changedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "ConsentState" });

export const consentEventSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(consentChannels),
    status: z.enum(consentStatuses),
    method: z.enum(consentMethods),
    evidence: z.string().nullable(),
    actorId: z.uuid().nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "ConsentEvent" });

export const contactConsentSchema = z
  .object({
    channels: z.array(consentStateSchema).describe("The current state of every channel"),
    history: z.array(consentEventSchema).describe("Every change recorded, newest first (at most 200)"),
  })
  .meta({ id: "ContactConsent" });

export type ConsentChannel = (typeof consentChannels)[number];
export type ConsentStatus = (typeof consentStatuses)[number];
export type ConsentMethod = (typeof consentMethods)[number];
export type RecordConsentInput = z.infer<typeof recordConsentBody>;
export type ContactConsentView = z.infer<typeof contactConsentSchema>;
