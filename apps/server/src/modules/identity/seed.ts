import { generateSecretToken } from "../../platform/crypto.ts";
import type { AuthService } from "./auth-service.ts";
import type { IdentityService } from "./service.ts";

export const demoOrganization = { name: "Demo Company", slug: "demo", ownerEmail: "demo@example.com" };

/** Creates the demo organisation, its owner's sign-in and an admin API key; undefined if it exists. */
export async function seedDemoOrganization(identity: IdentityService, auth: AuthService) {
  if (await identity.findOrganizationBySlug(demoOrganization.slug)) return undefined;
  const password = `demo-${generateSecretToken().slice(0, 12)}`;
  const { organization, user } = await auth.createOrganizationWithOwner({
    name: demoOrganization.name,
    slug: demoOrganization.slug,
    ownerEmail: demoOrganization.ownerEmail,
    ownerPassword: password,
  });
  const actor = { tenantId: organization.id, role: "owner" as const, userId: user.id };
  const apiKey = await identity.issueApiKey(actor, { name: "Demo key", role: "admin" });
  return { organization, actor, email: user.email, password, apiKey: apiKey.key };
}
