import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { generateSecretToken, hashSecretToken } from "../../platform/crypto.ts";
import type { Db, Executor } from "../../platform/db/client.ts";
import { enterTenant, withUser } from "../../platform/db/tenancy.ts";
import { publishEvent } from "../../platform/events.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { SessionView, SignInInput, SignUpInput } from "./auth-dto.ts";
import { sessionEnded, sessionSwitchedOrganization } from "./events.ts";
import { insertOrganization } from "./organization-factory.ts";
import { hashPassword, verifyAgainstNothing, verifyPassword, weakPasswordReason } from "./password.ts";
import { sessionLifetimeMs } from "./session-auth.ts";
import * as users from "./user-repo.ts";

export type AuthService = ReturnType<typeof createAuthService>;
/** Where a sign-in comes from, kept on the session so people can recognise their devices. */
export type ClientInfo = { ip?: string; userAgent?: string };
export type SessionStarter = (
  executor: Executor,
  userId: string,
  tenantId: string | null,
  client: ClientInfo,
) => Promise<{ token: string; session: users.SessionRow }>;

const wrongCredentials = () => new AppError("unauthorized", "The email or password is incorrect.");

export function createAuthService(deps: {
  db: Db;
  createTwoFactorChallenge: (userId: string) => Promise<string>;
}) {
  const { db } = deps;

  const startSession = async (
    executor: Executor,
    userId: string,
    tenantId: string | null,
    client: ClientInfo,
  ) => {
    const token = generateSecretToken();
    const session = await users.insertSession(executor, {
      id: newId(),
      userId,
      tokenHash: hashSecretToken(token),
      activeTenantId: tenantId,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(Date.now() + sessionLifetimeMs),
    });
    return { token, session };
  };

  const requireUser = (actor: Actor) => {
    if (!actor.userId || !actor.sessionId) {
      throw new AppError("forbidden", "Only a signed-in person can do this, not an API key.");
    }
    return { userId: actor.userId, sessionId: actor.sessionId };
  };

  /** Creates a user with a new organisation they own, in one transaction. */
  const createOwner = async (
    executor: Executor,
    input: { email: string; password: string; name: string; organizationName: string; slug?: string },
  ) => {
    const reason = weakPasswordReason(input.password, input);
    if (reason) {
      throw new AppError("validation", `The password ${reason}.`, {
        errors: [{ field: "body.password", message: reason }],
      });
    }
    if (await users.findUserByEmail(executor, input.email)) {
      throw new AppError("conflict", "An account with this email exists already: sign in instead.", {
        code: "email_taken",
      });
    }
    const user = await users.insertUser(executor, {
      id: newId(),
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    const organization = await insertOrganization(executor, {
      name: input.organizationName,
      slug: input.slug,
    });
    await enterTenant(executor, organization.id);
    await users.insertMembership(executor, { tenantId: organization.id, userId: user.id, role: "owner" });
    await recordAudit(
      executor,
      { tenantId: organization.id, role: "owner", userId: user.id },
      {
        action: "organization.create",
        targetType: "organization",
        targetId: organization.id,
        after: { name: organization.name, slug: organization.slug, owner: user.email },
      },
    );
    return { user, organization };
  };

  /** A session in the person's first organisation, once every factor has been checked. */
  async function signInUser(user: users.UserRow, client: ClientInfo) {
    const [organization] = await withUser(db, user.id, (tx) => users.listUserOrganizations(tx, user.id));
    const { token } = await startSession(db, user.id, organization?.id ?? null, client);
    return {
      token,
      user: presentUser(user),
      organization: organization ? presentOrganization(organization) : null,
    };
  }

  return {
    startSession,

    /** Sign-up: the user, their organisation and an owner membership, then a session. */
    signUp: (input: SignUpInput, client: ClientInfo) =>
      db.transaction(async (tx) => {
        const { user, organization } = await createOwner(tx, input);
        const { token } = await startSession(tx, user.id, organization.id, client);
        return { token, user: presentUser(user), organization: presentOrganization(organization) };
      }),

    /** Operators' `sbos org create`: a new organisation owned by a new or existing user. */
    createOrganizationWithOwner: (input: {
      name: string;
      slug?: string;
      ownerEmail: string;
      ownerPassword: string;
    }) =>
      db.transaction(async (tx) => {
        const email = input.ownerEmail.trim().toLowerCase();
        const existing = await users.findUserByEmail(tx, email);
        if (!existing) {
          const name = email.split("@")[0] ?? email;
          return createOwner(tx, {
            email,
            password: input.ownerPassword,
            name,
            organizationName: input.name,
            slug: input.slug,
          });
        }
        if (!(await verifyPassword(existing.passwordHash, input.ownerPassword))) {
          throw new AppError("forbidden", `${email} exists with another password.`);
        }
        const organization = await insertOrganization(tx, { name: input.name, slug: input.slug });
        await enterTenant(tx, organization.id);
        await users.insertMembership(tx, { tenantId: organization.id, userId: existing.id, role: "owner" });
        return { user: existing, organization };
      }),

    /**
     * Sign-in never tells whether the email exists: same answer, same time. With two-factor
     * authentication on, a correct password earns a challenge (401 `two_factor_required`), not a session.
     */
    signIn: async (input: SignInInput, client: ClientInfo) => {
      const user = await users.findUserByEmail(db, input.email);
      if (!user) {
        await verifyAgainstNothing(input.password);
        throw wrongCredentials();
      }
      if (!(await verifyPassword(user.passwordHash, input.password))) throw wrongCredentials();
      if (user.twoFactorEnabledAt) {
        const challenge = await deps.createTwoFactorChallenge(user.id);
        throw new AppError(
          "unauthorized",
          "Enter the code from your authenticator app, or a recovery code.",
          {
            code: "two_factor_required",
            extensions: { challenge },
          },
        );
      }
      return signInUser(user, client);
    },

    signInUser,

    signOut: async (actor: Actor) => {
      const { userId, sessionId } = requireUser(actor);
      await endSession(actor, userId, sessionId);
    },

    listSessions: async (actor: Actor): Promise<SessionView[]> => {
      const { userId, sessionId } = requireUser(actor);
      const rows = await users.listLiveSessions(db, userId);
      return rows.map((row) => presentSession(row, sessionId));
    },

    /** Signs one of my sessions out (another device, or this one). */
    endSession: async (actor: Actor, targetSessionId: string) => {
      const { userId } = requireUser(actor);
      if (!(await endSession(actor, userId, targetSessionId))) throw notFound("The session");
    },

    listOrganizations: async (actor: Actor) => {
      const { userId } = requireUser(actor);
      return withUser(db, userId, (tx) => users.listUserOrganizations(tx, userId));
    },

    switchOrganization: async (actor: Actor, organizationId: string) => {
      const { userId, sessionId } = requireUser(actor);
      const mine = await withUser(db, userId, (tx) => users.listUserOrganizations(tx, userId));
      const target = mine.find((organization) => organization.id === organizationId);
      if (!target) throw notFound("The organisation");
      await db.transaction(async (tx) => {
        await users.updateSession(tx, sessionId, { activeTenantId: organizationId });
        await publishEvent(tx, { type: sessionSwitchedOrganization, tenantId: null, data: { sessionId } });
      });
      return target;
    },
  };

  async function endSession(actor: Actor, userId: string, sessionId: string) {
    return db.transaction(async (tx) => {
      const ended = await users.markSessionRevoked(tx, userId, sessionId);
      if (!ended) return ended;
      await publishEvent(tx, { type: sessionEnded, tenantId: null, data: { sessionId } });
      await enterTenant(tx, actor.tenantId);
      await recordAudit(tx, actor, { action: "session.end", targetType: "session", targetId: sessionId });
      return ended;
    });
  }
}

function presentUser(user: users.UserRow) {
  return { id: user.id, email: user.email, name: user.name };
}

function presentOrganization(organization: { id: string; slug: string; name: string }) {
  return { id: organization.id, slug: organization.slug, name: organization.name };
}

function presentSession(row: users.SessionRow, currentSessionId: string): SessionView {
  return {
    id: row.id,
    current: row.id === currentSessionId,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
