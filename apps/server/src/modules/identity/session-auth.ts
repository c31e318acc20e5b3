import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.ts";
import { hashSecretToken } from "../../platform/crypto.ts";
import type { Database } from "../../platform/db/client.ts";
import { withTenant, withUser } from "../../platform/db/tenancy.ts";
import { subscribeEvents } from "../../platform/events.ts";
import type { Authenticator } from "../../platform/http/auth.ts";
import { AppError } from "../../platform/http/errors.ts";
import { createTtlCache } from "../../platform/ttl-cache.ts";
import {
  membershipChanged,
  organizationDeleted,
  organizationSecurityChanged,
  personSecurityChanged,
  sessionEnded,
  sessionSwitchedOrganization,
} from "./events.ts";
import { findOrganization } from "./repo.ts";
import * as users from "./user-repo.ts";

export const sessionCookie = "sbos_session";
export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;
const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Sets the httpOnly, SameSite=Lax session cookie (Secure when the request came over HTTPS). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    path: "/",
    maxAge: sessionLifetimeMs / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(sessionCookie, { path: "/" });
}

/**
 * Resolves the session cookie to the signed-in user in their active organisation. Resolved
 * sessions are cached for 30 s; ending a session or switching its organisation evicts it in every
 * process. A cookie-authenticated change from another site's page is refused (the Origin check,
 * on top of SameSite=Lax).
 */
export async function createSessionAuthenticator(database: Database): Promise<Authenticator> {
  const { db } = database;
  const cache = createTtlCache<Actor>({ ttlMs: 30_000, maxEntries: 50_000 });
  await subscribeEvents(database, (event) => {
    if (event.type === sessionEnded || event.type === sessionSwitchedOrganization) {
      cache.deleteWhere((actor) => actor.sessionId === event.data.sessionId);
    }
    if (event.type === membershipChanged || event.type === personSecurityChanged) {
      cache.deleteWhere((actor) => actor.userId === event.data.userId);
    }
    if (event.type === organizationDeleted || event.type === organizationSecurityChanged) {
      cache.deleteWhere((actor) => actor.tenantId === event.tenantId);
    }
  });

  /** The person as a member of one organisation, restricted while it requires 2FA they lack. */
  const resolveIn = (tenantId: string, session: users.SessionRow) =>
    withTenant(db, tenantId, async (tx): Promise<Actor | undefined> => {
      // A deleted organisation (its data being erased) lets nobody in.
      const organization = await findOrganization(tx, tenantId);
      const membership = organization && (await users.findMembership(tx, tenantId, session.userId));
      if (!membership) return undefined;
      const person = organization.requireTwoFactor ? await users.findUser(tx, session.userId) : undefined;
      const restricted = organization.requireTwoFactor && !person?.twoFactorEnabledAt;
      return {
        tenantId,
        role: membership.role,
        userId: session.userId,
        sessionId: session.id,
        ...(restricted ? { restriction: "two_factor_required" as const } : {}),
      };
    });

  const resolve = async (session: users.SessionRow): Promise<Actor | undefined> => {
    const active = session.activeTenantId ? await resolveIn(session.activeTenantId, session) : undefined;
    if (active) return active;
    const [first] = await withUser(db, session.userId, (tx) =>
      users.listUserOrganizations(tx, session.userId),
    );
    return first ? resolveIn(first.id, session) : undefined;
  };

  return async (request) => {
    const token = request.cookies[sessionCookie];
    if (!token) return undefined;
    assertSameOrigin(request);
    const tokenHash = hashSecretToken(token);
    const cached = cache.get(tokenHash);
    if (cached) return cached;
    const session = await users.findLiveSessionByTokenHash(db, tokenHash);
    if (!session) return undefined;
    const actor = await resolve(session);
    if (!actor) return undefined;
    await users.updateSession(db, session.id, { lastSeenAt: new Date(), activeTenantId: actor.tenantId });
    cache.set(tokenHash, actor);
    return actor;
  };
}

function assertSameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (!origin || !mutatingMethods.has(request.method)) return;
  if (hostOf(origin) !== hostOf(`${request.protocol}://${request.host}`)) {
    throw new AppError("forbidden", "Cross-site requests with the session cookie are refused.", {
      code: "cross_site_request",
    });
  }
}

/** The host as browsers compare it: default ports dropped, so `localhost:80` equals `localhost`. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
