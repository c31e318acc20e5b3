import { z } from "zod";
import { roleSchema } from "./dto.ts";

const timestamp = z.iso.datetime({ offset: true });

export const memberSchema = z
  .object({ userId: z.uuid(), name: z.string(), email: z.string(), role: roleSchema, joinedAt: timestamp })
  .meta({ id: "Member" });

export const memberParams = z.strictObject({ userId: z.uuid() });
export const changeRoleBody = z.strictObject({ role: roleSchema });

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    createdAt: timestamp,
    expiresAt: timestamp,
  })
  .meta({ id: "Invitation" });

export const inviteBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  role: roleSchema.default("member"),
});

export const invitationParams = z.strictObject({ id: z.uuid() });
export const invitationTokenQuery = z.strictObject({ token: z.string().min(10).max(200) });

export const invitationPreviewSchema = z
  .object({
    organization: z.object({ name: z.string() }),
    email: z.string(),
    role: roleSchema,
    accountExists: z.boolean().describe("Sign in with the existing password, or choose a name and password"),
  })
  .meta({ id: "InvitationPreview" });

export const acceptInvitationBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: z.string().min(1).max(256),
  name: z.string().trim().min(1).max(100).optional().describe("Required when no account exists yet"),
});

export type InvitationView = z.infer<typeof invitationSchema>;
export type InviteInput = z.infer<typeof inviteBody>;
export type AcceptInvitationInput = z.infer<typeof acceptInvitationBody>;
