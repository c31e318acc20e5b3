import type { IdentityService } from "./service.ts";

export const demoOrganization = { name: "Demo Company", slug: "demo" };

/** Creates the demo organisation with an admin API key; answers undefined if it exists already. */
export async function seedDemoOrganization(service: IdentityService) {
  if (await service.findOrganizationBySlug(demoOrganization.slug)) return undefined;
  const organization = await service.createOrganization(demoOrganization);
  const actor = { tenantId: organization.id, role: "owner" as const };
  const apiKey = await service.issueApiKey(actor, { name: "Demo key", role: "admin" });
  return { organization, actor, apiKey: apiKey.key };
}
