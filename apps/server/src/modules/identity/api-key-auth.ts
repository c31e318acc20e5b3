import type { Actor } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/client.ts";
import { withTenant } from "../../platform/db/tenancy.ts";
import { subscribeEvents } from "../../platform/events.ts";
import { type Authenticator, bearerToken } from "../../platform/http/auth.ts";
import { parseApiKeyToken } from "./api-key-token.ts";
import { apiKeyRevoked } from "./events.ts";
import { findActiveApiKeyByHash } from "./repo.ts";

const cacheTtlMs = 60_000;
const maxCachedKeys = 10_000;

/**
 * Resolves `Authorization: Bearer sbos_…` to an actor. Verified keys are cached for a minute so
 * the hot path does not touch the database; a revocation evicts the key in every process at once
 * (the revoke event arrives over LISTEN/NOTIFY).
 */
export async function createApiKeyAuthenticator(database: Database): Promise<Authenticator> {
  const cache = new Map<string, { actor: Actor; expiresAt: number }>();
  await subscribeEvents(database, (event) => {
    if (event.type !== apiKeyRevoked) return;
    for (const [hash, entry] of cache) {
      if (entry.actor.apiKeyId === event.data.apiKeyId) cache.delete(hash);
    }
  });

  return async (request) => {
    const token = bearerToken(request);
    const parsed = token ? parseApiKeyToken(token) : undefined;
    if (!parsed) return undefined;
    const cached = cache.get(parsed.secretHash);
    if (cached && cached.expiresAt > Date.now()) return cached.actor;

    const key = await withTenant(database.db, parsed.tenantId, (tx) =>
      findActiveApiKeyByHash(tx, parsed.tenantId, parsed.secretHash),
    );
    if (!key) {
      cache.delete(parsed.secretHash);
      return undefined;
    }
    const actor: Actor = { tenantId: key.tenantId, role: key.role, apiKeyId: key.id };
    if (cache.size >= maxCachedKeys) cache.clear();
    cache.set(parsed.secretHash, { actor, expiresAt: Date.now() + cacheTtlMs });
    return actor;
  };
}
