import type { Logger } from "pino";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { createGroupCommit } from "../../../platform/group-commit.ts";
import { AppError } from "../../../platform/http/errors.ts";
import type { SecretBox } from "../../../platform/secret-box.ts";
import { createTtlCache } from "../../../platform/ttl-cache.ts";
import {
  accountIdsOf,
  phoneNumberIdsOf,
  verifyWebhookSignature,
} from "../../../providers/whatsapp-cloud/index.ts";
import * as channels from "../channels/repo.ts";
import { hashVerifyToken } from "../channels/service.ts";
import { type InboundDelivery, laneKeyOf, storeInbound } from "./inbound-queue.ts";

export type WhatsAppIngest = ReturnType<typeof createWhatsAppIngest>;

/**
 * How long a process trusts a cached app secret or route: a rotated secret is honoured everywhere
 * after this; deliveries for a number disconnected meanwhile are stored and then skipped by the drain.
 */
const secretTtlMs = 30_000;

/**
 * The webhook's receiving end: Meta's verification handshake, and signed deliveries stored
 * durably for the drain to apply. Routing happens before verification because the app secret
 * that signs a delivery belongs to the number it names.
 */
export function createWhatsAppIngest(deps: { db: Db; secrets: SecretBox; logger: Logger }) {
  const { db, secrets, logger } = deps;
  const appSecrets = createTtlCache<string | null>({ ttlMs: secretTtlMs, maxEntries: 10_000 });
  const knownRoutes = createTtlCache<channels.RouteRow>({ ttlMs: secretTtlMs, maxEntries: 10_000 });
  // Concurrent deliveries share one INSERT and one commit (see group-commit.ts): the acknowledgement
  // still waits for its own row to be durable.
  const deliveries = createGroupCommit<InboundDelivery>((rows) => storeInbound(db, rows));

  async function appSecretOf(route: channels.RouteRow): Promise<string | null> {
    const cached = appSecrets.get(route.channelId);
    if (cached !== undefined) return cached;
    const channel = await withTenant(db, route.tenantId, (tx) =>
      channels.findChannel(tx, route.tenantId, route.channelId),
    );
    const secret = channel ? secrets.open(channel.appSecretSealed) : null;
    appSecrets.set(route.channelId, secret);
    return secret;
  }

  /** Known numbers are cached like their secrets; an unknown one is looked up every time (it may connect any moment). */
  async function routesOfNumbers(numbers: string[]) {
    const cached = numbers.map((number) => knownRoutes.get(number));
    if (cached.every((route) => route !== undefined)) return cached as channels.RouteRow[];
    const found = await channels.findRoutesByNumber(db, numbers);
    for (const route of found) knownRoutes.set(route.phoneNumberId, route);
    return found;
  }

  return {
    /** Answers Meta's `hub.challenge` when the verify token is one a connected number was given. */
    verifySubscription: async (query: { mode?: string; verifyToken?: string; challenge?: string }) => {
      if (query.mode !== "subscribe" || !query.verifyToken || query.challenge === undefined) {
        throw new AppError(
          "bad_request",
          "Expected hub.mode=subscribe with hub.verify_token and hub.challenge.",
        );
      }
      if (!(await channels.hasRouteWithVerifyHash(db, hashVerifyToken(query.verifyToken)))) {
        throw new AppError("forbidden", "This verify token belongs to no connected WhatsApp number.");
      }
      return query.challenge;
    },

    /**
     * Checks the signature of a delivery against the app secret of each number it names, stores it
     * once per organisation it verifies for, and answers how many were stored. A delivery for a
     * number nobody connected is acknowledged (Meta would retry it for days) and logged.
     */
    receive: async (rawBody: Buffer, signature: string | undefined): Promise<{ stored: number }> => {
      if (!signature) throw new AppError("unauthorized", "The X-Hub-Signature-256 header is missing.");
      let body: unknown;
      const text = rawBody.toString("utf8");
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError("bad_request", "The body is not valid JSON.");
      }
      const numbers = phoneNumberIdsOf(body);
      const routes =
        numbers.length > 0
          ? await routesOfNumbers(numbers)
          : await channels.findRoutesByAccount(db, accountIdsOf(body));
      if (routes.length === 0) {
        logger.warn(
          { phoneNumberIds: numbers, accounts: accountIdsOf(body) },
          "whatsapp webhook for no connected number",
        );
        return { stored: 0 };
      }
      const verified = new Map<string, channels.RouteRow>();
      for (const route of routes) {
        if (verified.has(route.tenantId)) continue;
        const secret = await appSecretOf(route);
        if (secret && verifyWebhookSignature(rawBody, signature, secret)) verified.set(route.tenantId, route);
      }
      if (verified.size === 0)
        throw new AppError("unauthorized", "The X-Hub-Signature-256 signature does not match.");
      const laneKey = laneKeyOf(text);
      await Promise.all(
        [...verified.values()].map((route) =>
          deliveries.add({ tenantId: route.tenantId, channelId: route.channelId, payload: body, laneKey }),
        ),
      );
      return { stored: verified.size };
    },

    /** Drops what this process cached about a channel that changed (other processes wait for the TTL). */
    forgetChannel: (channelId: string) => {
      appSecrets.delete(channelId);
      knownRoutes.deleteWhere((route) => route.channelId === channelId);
    },
  };
}
