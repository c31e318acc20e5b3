import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../actor.ts";
import type { ZodApp } from "../module.ts";
import { AppError } from "./errors.ts";
import { type RateLimitDecision, type RateLimitStore, tooManyRequests } from "./rate-limit.ts";

/** Resolves the caller from a request, or answers undefined when its credentials are not its kind. */
export type Authenticator = (request: FastifyRequest) => Promise<Actor | undefined>;

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    /** `public` routes skip authentication; every other `/api/v1` route requires an actor. */
    auth?: "public";
    /** Reachable by a restricted actor (one who must set up two-factor authentication first). */
    allowRestricted?: boolean;
  }
}

const apiPrefix = "/api/v1/";

export type ApiRateLimits = { store: RateLimitStore; perApiKey: number; perOrganization: number };

/**
 * Authenticates every `/api/v1` route (unless marked public) before its body is even validated,
 * then counts the request against its API key's and its organisation's per-minute limits
 * (`RateLimit-*` headers on every answer, 429 with `Retry-After` past them).
 */
export function registerAuthentication(app: ZodApp, authenticators: Authenticator[], limits: ApiRateLimits) {
  app.decorateRequest("actor", undefined);
  app.addHook("onRequest", async (request, reply) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith(apiPrefix) || request.routeOptions.config.auth === "public") return;
    for (const authenticate of authenticators) {
      const actor = await authenticate(request);
      if (actor) {
        request.actor = { ...actor, ip: request.ip, userAgent: request.headers["user-agent"] };
        if (actor.restriction && !request.routeOptions.config.allowRestricted) {
          throw new AppError(
            "forbidden",
            "Your organisation requires two-factor authentication: set it up in your account first.",
            { code: actor.restriction },
          );
        }
        await applyApiLimits(limits, actor, reply);
        return;
      }
    }
    throw new AppError("unauthorized", "Send a valid API key as `Authorization: Bearer <key>` or sign in.");
  });
}

const minute = 60_000;

async function applyApiLimits(limits: ApiRateLimits, actor: Actor, reply: FastifyReply) {
  const decisions: RateLimitDecision[] = [];
  if (limits.perApiKey > 0 && actor.apiKeyId) {
    decisions.push(
      await limits.store.hit(`api-key:${actor.apiKeyId}`, { limit: limits.perApiKey, windowMs: minute }),
    );
  }
  if (limits.perOrganization > 0) {
    decisions.push(
      await limits.store.hit(`organization:${actor.tenantId}`, {
        limit: limits.perOrganization,
        windowMs: minute,
      }),
    );
  }
  const tightest = decisions.sort((x, y) => x.remaining - y.remaining)[0];
  if (!tightest) return;
  reply.header("ratelimit-limit", tightest.limit);
  reply.header("ratelimit-remaining", tightest.remaining);
  reply.header("ratelimit-reset", tightest.resetSeconds);
  const refused = decisions.find((decision) => !decision.allowed);
  if (refused) throw tooManyRequests(refused, "requests");
}

/** The authenticated caller of a protected route. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthorized", "Authentication required.");
  return request.actor;
}

/** The bearer token of a request; a WebSocket upgrade may send it as `?access_token=` instead. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) {
    const query = request.query as Record<string, unknown> | undefined;
    const isUpgrade = request.headers.upgrade?.toLowerCase() === "websocket";
    return isUpgrade && typeof query?.access_token === "string" ? query.access_token : undefined;
  }
  const [scheme, token] = header.split(" ", 2);
  return scheme?.toLowerCase() === "bearer" && token ? token.trim() : undefined;
}
