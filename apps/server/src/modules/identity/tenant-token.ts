import { generateSecretToken, hashSecretToken } from "../../platform/crypto.ts";

/**
 * Secrets that carry their organisation's id (`<prefix>_<tenant>_<secret>`: API keys, invitation
 * links), so looking one up happens inside that tenant's row-level security, never across tenants.
 */
export function generateTenantToken(
  prefix: "sbos" | "inv",
  tenantId: string,
): { token: string; secretHash: string; visiblePrefix: string } {
  const secret = generateSecretToken();
  const token = `${prefix}_${tenantId.replaceAll("-", "")}_${secret}`;
  return { token, secretHash: hashSecretToken(token), visiblePrefix: `${prefix}_…${secret.slice(0, 6)}` };
}

export function parseTenantToken(
  prefix: "sbos" | "inv",
  token: string,
): { tenantId: string; secretHash: string } | undefined {
  const match = new RegExp(`^${prefix}_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$`).exec(token);
  if (!match?.[1]) return undefined;
  const hex = match[1];
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId, secretHash: hashSecretToken(token) };
}
