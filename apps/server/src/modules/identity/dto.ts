import { z } from "zod";

export const roleSchema = z.enum(["owner", "admin", "member"]);

export const organizationSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string() })
  .meta({ id: "Organization" });

export const meResponse = z
  .object({
    caller: z.object({
      type: z.enum(["user", "api_key"]),
      id: z.string(),
      name: z.string().optional(),
      email: z.string().optional(),
    }),
    organization: organizationSchema,
    role: roleSchema,
    can: z.record(z.string(), z.boolean()).describe("What this caller may do, by action"),
    security: z.object({
      twoFactorEnabled: z.boolean().nullable().describe("null for an API key"),
      organizationRequiresTwoFactor: z.boolean(),
    }),
  })
  .meta({ id: "Me" });

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().describe("The visible start of the key, to recognise it"),
    createdAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "ApiKey" });

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: roleSchema.default("member"),
});

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().describe("The secret key: shown once, store it now") })
  .meta({ id: "CreatedApiKey" });

export const apiKeyParams = z.strictObject({ id: z.uuid() });

export type CreateApiKeyInput = z.infer<typeof createApiKeyBody>;
export type ApiKeyView = z.infer<typeof apiKeySchema>;

export const updateOrganizationBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    requireTwoFactor: z.boolean().optional().describe("Members must set up two-factor authentication"),
  })
  .refine(
    (body) => body.name !== undefined || body.requireTwoFactor !== undefined,
    "send name or requireTwoFactor",
  );

export const organizationSettingsSchema = organizationSchema
  .extend({ requireTwoFactor: z.boolean() })
  .meta({ id: "OrganizationSettings" });

export type OrganizationChanges = z.infer<typeof updateOrganizationBody>;
export const deleteOrganizationBody = z.strictObject({
  confirm: z.string().max(100).describe("The organisation's slug, typed to confirm"),
});
