import { generateSecretToken, hashSecretToken } from "../../platform/crypto.ts";

const tokenPattern = /^sbos_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/**
 * API keys carry their organisation's id (`sbos_<tenant>_<secret>`), so authentication looks the
 * key up inside that tenant's row-level security like any other query, never across tenants.
 */
export function generateApiKeyToken(tenantId: string): {
  token: string;
  secretHash: string;
  visiblePrefix: string;
} {
  const secret = generateSecretToken();
  const token = `sbos_${tenantId.replaceAll("-", "")}_${secret}`;
  return { token, secretHash: hashApiKeyToken(token), visiblePrefix: `sbos_…${secret.slice(0, 6)}` };
}

export function parseApiKeyToken(token: string): { tenantId: string; secretHash: string } | undefined {
  const match = tokenPattern.exec(token);
  if (!match?.[1]) return undefined;
  const hex = match[1];
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId, secretHash: hashApiKeyToken(token) };
}

export const hashApiKeyToken = hashSecretToken;
