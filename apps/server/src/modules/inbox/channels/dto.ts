import { z } from "zod";

const secret = (what: string) => z.string().trim().min(1, `the ${what} is required`).max(1024);
const rate = z.number().int().min(1).max(1000);

export const connectWhatsAppBody = z.strictObject({
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, "the numeric phone number id Meta shows"),
  wabaId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, "the numeric WhatsApp Business Account id"),
  accessToken: secret("access token"),
  appSecret: secret("app secret"),
  verifyToken: z.string().trim().min(8, "at least 8 characters").max(200),
  apiBaseUrl: z.url().optional().describe("Graph API origin; https://graph.facebook.com when left out"),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, "like v21.0")
    .optional(),
  sendRatePerSecond: rate.optional().describe("Outbound messages per second for this number (80 by default)"),
});

export const updateWhatsAppBody = z.strictObject({
  accessToken: secret("access token").optional(),
  appSecret: secret("app secret").optional(),
  verifyToken: z.string().trim().min(8).max(200).optional(),
  sendRatePerSecond: rate.optional(),
});

export const channelSchema = z
  .object({
    id: z.uuid(),
    phoneNumberId: z.string(),
    wabaId: z.string(),
    displayPhoneNumber: z.string().nullable(),
    verifiedName: z.string().nullable(),
    qualityRating: z.string().nullable().describe("GREEN, YELLOW, RED or UNKNOWN as Meta reports it"),
    messagingLimitTier: z.string().nullable(),
    apiBaseUrl: z.string(),
    apiVersion: z.string(),
    sendRatePerSecond: z.number().int(),
    isSandbox: z.boolean(),
    lastError: z.string().nullable().describe("The provider's last refusal, e.g. an expired token"),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "WhatsAppChannel" });

export const channelParams = z.strictObject({ id: z.uuid() });

export type ConnectWhatsAppInput = z.infer<typeof connectWhatsAppBody>;
export type UpdateWhatsAppInput = z.infer<typeof updateWhatsAppBody>;
export type ChannelView = z.infer<typeof channelSchema>;
