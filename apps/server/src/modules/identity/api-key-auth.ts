import type { Actor } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/client.ts";
import { withTenant } from "../../platform/db/tenancy.ts";
import { subscribeEvents } from "../../platform/events.ts";
import { type Authenticator, bearerToken } from "../../platform/http/auth.ts";
import { createTtlCache } from "../../platform/ttl-cache.ts";
import { apiKeyRevoked, organizationDeleted } from "./events.ts";
import { findActiveApiKeyByHash, findOrganization, touchApiKey } from "./repo.ts";
import { parseTenantToken } from "./tenant-token.ts";

/**
 * Resolves `Authorization: Bearer sbos_…` to an actor. Verified keys are cached for a minute so
 * the hot path does not touch the database; a revocation evicts the key in every process at once
 * (the revoke event arrives over LISTEN/NOTIFY).
 */
export async function createApiKeyAuthenticator(database: Database): Promise<Authenticator> {
  const cache = createTtlCache<Actor>({ ttlMs: 60_000, maxEntries: 10_000 });
  await subscribeEvents(database, (event) => {
    if (event.type === apiKeyRevoked) cache.deleteWhere((actor) => actor.apiKeyId === event.data.apiKeyId);
    if (event.type === organizationDeleted) cache.deleteWhere((actor) => actor.tenantId === event.tenantId);
  });

  return async (request) => {
    const token = bearerToken(request);
    const parsed = token ? parseTenantToken("sbos", token) : undefined;
    if (!parsed) return undefined;
    const cached = cache.get(parsed.secretHash);
    if (cached) return cached;

    // Verified against the database at most once a minute per process: that is also when
    // "last used" is written, so the hot path stays read-free.
    const key = await withTenant(database.db, parsed.tenantId, async (tx) => {
      const found = await findActiveApiKeyByHash(tx, parsed.tenantId, parsed.secretHash);
      if (!found || !(await findOrganization(tx, parsed.tenantId))) return undefined;
      await touchApiKey(tx, parsed.tenantId, found.id);
      return found;
    });
    if (!key) return undefined;
    const actor: Actor = { tenantId: key.tenantId, role: key.role, apiKeyId: key.id };
    cache.set(parsed.secretHash, actor);
    return actor;
  };
}
