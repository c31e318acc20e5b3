import { z } from "zod";
import { organizationSchema, roleSchema } from "./dto.ts";

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const signUpBody = z.strictObject({
  email,
  password: z.string().min(1).max(256),
  name: z.string().trim().min(1).max(100),
  organizationName: z.string().trim().min(1).max(100),
});

export const signInBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
});

export const userSchema = z
  .object({ id: z.uuid(), email: z.string(), name: z.string() })
  .meta({ id: "User" });

export const signedInSchema = z
  .object({ user: userSchema, organization: organizationSchema.nullable() })
  .meta({ id: "SignedIn" });

export const sessionSchema = z
  .object({
    id: z.uuid(),
    current: z.boolean(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    lastSeenAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Session" });

export const myOrganizationSchema = organizationSchema
  .extend({ role: roleSchema })
  .meta({ id: "MyOrganization" });

export const passwordResetRequestBody = z.strictObject({ email: z.string().trim().toLowerCase().max(254) });
export const passwordResetConfirmBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: z.string().min(1).max(256),
});
export const acceptedSchema = z.object({ message: z.string() }).meta({ id: "Accepted" });

export const switchOrganizationBody = z.strictObject({ organizationId: z.uuid() });
export const sessionParams = z.strictObject({ id: z.uuid() });

export type SignUpInput = z.infer<typeof signUpBody>;
export type SignInInput = z.infer<typeof signInBody>;
export type SessionView = z.infer<typeof sessionSchema>;
