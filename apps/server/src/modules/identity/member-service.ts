import type { Actor, Role } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/client.ts";
import { enterTenant, withTenant } from "../../platform/db/tenancy.ts";
import { publishEvent } from "../../platform/events.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { Mailer } from "../../platform/mail.ts";
import type { ClientInfo, SessionStarter } from "./auth-service.ts";
import { membershipChanged } from "./events.ts";
import type { AcceptInvitationInput, InvitationView, InviteInput } from "./member-dto.ts";
import * as members from "./member-repo.ts";
import { hashPassword, verifyPassword, weakPasswordReason } from "./password.ts";
import { assertCan, canGrantRole } from "./policy.ts";
import * as repo from "./repo.ts";
import { generateTenantToken, parseTenantToken } from "./tenant-token.ts";
import * as users from "./user-repo.ts";

export type MemberService = ReturnType<typeof createMemberService>;

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
const invalidInvitation = () =>
  new AppError("not_found", "This invitation link is not valid any more: ask for a new one.", {
    code: "invitation_invalid",
  });

export function createMemberService(deps: { db: Db; mailer: Mailer; startSession: SessionStarter }) {
  const { db, mailer } = deps;

  /** Owners are managed by owners only, nobody grants above their own role, and an owner always remains. */
  const assertCanChange = async (
    actor: Actor,
    tx: Parameters<typeof members.countOwners>[0],
    current: Role,
    next?: Role,
  ) => {
    assertCan(actor, "members.manage");
    if ((current === "owner" || next === "owner") && actor.role !== "owner") {
      throw new AppError("forbidden", "Only an owner can change an owner or make someone owner.");
    }
    if (next && !canGrantRole(actor, next))
      throw new AppError("forbidden", `Your role cannot grant ${next}.`);
    if (current === "owner" && next !== "owner" && (await members.countOwners(tx, actor.tenantId)) <= 1) {
      throw new AppError(
        "conflict",
        "An organisation keeps at least one owner: make someone else owner first.",
        {
          code: "last_owner",
        },
      );
    }
  };

  const sendInvitationEmail = async (actor: Actor, email: string, token: string, baseUrl: string) => {
    const organization = await withTenant(db, actor.tenantId, (tx) =>
      repo.findOrganization(tx, actor.tenantId),
    );
    const link = `${baseUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
    await mailer.send({
      to: email,
      subject: `You are invited to ${organization?.name ?? "an organisation"} on Social Business OS`,
      text: `You have been invited to join ${organization?.name} on Social Business OS.\n\nAccept the invitation: ${link}\n\nThe link works for 7 days.`,
    });
  };

  return {
    /** The ids among `userIds` that belong to members of the actor's organisation (owners, mentions). */
    findMemberIds: async (actor: Actor, userIds: string[]): Promise<Set<string>> =>
      new Set(await withTenant(db, actor.tenantId, (tx) => users.findMemberIds(tx, actor.tenantId, userIds))),

    listMembers: async (actor: Actor) => {
      assertCan(actor, "members.read");
      const rows = await withTenant(db, actor.tenantId, (tx) => members.listMembers(tx, actor.tenantId));
      return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
    },

    changeRole: async (actor: Actor, userId: string, role: Role) => {
      await withTenant(db, actor.tenantId, async (tx) => {
        const membership = await users.findMembership(tx, actor.tenantId, userId);
        if (!membership) throw notFound("The member");
        await assertCanChange(actor, tx, membership.role, role);
        await members.setMemberRole(tx, actor.tenantId, userId, role);
        await recordAudit(tx, actor, {
          action: "member.change_role",
          targetType: "member",
          targetId: userId,
          before: { role: membership.role },
          after: { role },
        });
        await publishEvent(tx, { type: membershipChanged, tenantId: actor.tenantId, data: { userId } });
      });
      const all = await withTenant(db, actor.tenantId, (tx) => members.listMembers(tx, actor.tenantId));
      const member = all.find((entry) => entry.userId === userId);
      if (!member) throw notFound("The member");
      return { ...member, joinedAt: member.joinedAt.toISOString() };
    },

    /** Removes a member; anyone may leave, unless they are the last owner. */
    removeMember: async (actor: Actor, userId: string) => {
      await withTenant(db, actor.tenantId, async (tx) => {
        const membership = await users.findMembership(tx, actor.tenantId, userId);
        if (!membership) throw notFound("The member");
        if (userId !== actor.userId) await assertCanChange(actor, tx, membership.role);
        else if (membership.role === "owner" && (await members.countOwners(tx, actor.tenantId)) <= 1) {
          throw new AppError("conflict", "The last owner cannot leave: make someone else owner first.", {
            code: "last_owner",
          });
        }
        await members.deleteMembership(tx, actor.tenantId, userId);
        await recordAudit(tx, actor, {
          action: "member.remove",
          targetType: "member",
          targetId: userId,
          before: { role: membership.role },
        });
        await publishEvent(tx, { type: membershipChanged, tenantId: actor.tenantId, data: { userId } });
      });
    },

    listInvitations: async (actor: Actor): Promise<InvitationView[]> => {
      assertCan(actor, "members.manage");
      const rows = await withTenant(db, actor.tenantId, (tx) => members.listInvitations(tx, actor.tenantId));
      return rows.map(presentInvitation);
    },

    /** Invites someone by email: a single-use link, valid 7 days, of which only a hash is kept. */
    invite: async (actor: Actor, input: InviteInput, baseUrl: string): Promise<InvitationView> => {
      assertCan(actor, "members.manage");
      if (!canGrantRole(actor, input.role))
        throw new AppError("forbidden", `Your role cannot invite an ${input.role}.`);
      const { token, secretHash } = generateTenantToken("inv", actor.tenantId);
      const invitation = await withTenant(db, actor.tenantId, async (tx) => {
        // Under RLS the app role sees only this organisation's people: found means a member already.
        const existingUser = await users.findUserByEmail(tx, input.email);
        if (existingUser && (await users.findMembership(tx, actor.tenantId, existingUser.id))) {
          throw new AppError("conflict", `${input.email} is a member already.`, { code: "already_member" });
        }
        const open = await members.findOpenInvitationForEmail(tx, actor.tenantId, input.email);
        if (open && open.expiresAt > new Date()) {
          throw new AppError("conflict", `${input.email} has a pending invitation: resend it instead.`, {
            code: "already_invited",
          });
        }
        if (open) await members.updateInvitation(tx, actor.tenantId, open.id, { revokedAt: new Date() });
        const created = await members.insertInvitation(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          email: input.email,
          role: input.role,
          tokenHash: secretHash,
          invitedByUserId: actor.userId ?? null,
          expiresAt: new Date(Date.now() + invitationLifetimeMs),
        });
        await recordAudit(tx, actor, {
          action: "invitation.create",
          targetType: "invitation",
          targetId: created.id,
          after: { email: created.email, role: created.role },
        });
        return created;
      });
      await sendInvitationEmail(actor, input.email, token, baseUrl);
      return presentInvitation(invitation);
    },

    /** A new link (the old one stops working) and 7 more days. */
    resend: async (actor: Actor, invitationId: string, baseUrl: string): Promise<InvitationView> => {
      assertCan(actor, "members.manage");
      const { token, secretHash } = generateTenantToken("inv", actor.tenantId);
      const invitation = await withTenant(db, actor.tenantId, async (tx) => {
        const existing = await members.findInvitation(tx, actor.tenantId, invitationId);
        if (!existing) throw notFound("The invitation");
        if (existing.acceptedAt || existing.revokedAt) {
          throw new AppError("conflict", "This invitation was accepted or revoked already.");
        }
        const renewed = await members.updateInvitation(tx, actor.tenantId, invitationId, {
          tokenHash: secretHash,
          expiresAt: new Date(Date.now() + invitationLifetimeMs),
        });
        await recordAudit(tx, actor, {
          action: "invitation.resend",
          targetType: "invitation",
          targetId: invitationId,
        });
        return renewed;
      });
      await sendInvitationEmail(actor, invitation.email, token, baseUrl);
      return presentInvitation(invitation);
    },

    revoke: async (actor: Actor, invitationId: string) => {
      assertCan(actor, "members.manage");
      await withTenant(db, actor.tenantId, async (tx) => {
        const existing = await members.findInvitation(tx, actor.tenantId, invitationId);
        if (!existing) throw notFound("The invitation");
        if (!existing.revokedAt && !existing.acceptedAt) {
          await members.updateInvitation(tx, actor.tenantId, invitationId, { revokedAt: new Date() });
        }
        await recordAudit(tx, actor, {
          action: "invitation.revoke",
          targetType: "invitation",
          targetId: invitationId,
        });
      });
    },

    /** What the invitation link offers, for the page that accepts it. */
    preview: async (token: string) => {
      const { invitation, organizationName } = await openInvitation(token);
      const account = await users.findUserByEmail(db, invitation.email);
      return {
        organization: { name: organizationName },
        email: invitation.email,
        role: invitation.role,
        accountExists: Boolean(account),
      };
    },

    /** Accepts with the existing account's password, or creates the account; then signs in. */
    accept: async (input: AcceptInvitationInput, client: ClientInfo) => {
      const { invitation, tenantId } = await openInvitation(input.token);
      return db.transaction(async (tx) => {
        let user = await users.findUserByEmail(tx, invitation.email);
        if (user) {
          if (!(await verifyPassword(user.passwordHash, input.password))) {
            throw new AppError("unauthorized", "The password is incorrect for this account.");
          }
        } else {
          if (!input.name) {
            throw new AppError("validation", "Choose your name.", {
              errors: [{ field: "body.name", message: "required" }],
            });
          }
          const reason = weakPasswordReason(input.password, { email: invitation.email, name: input.name });
          if (reason) {
            throw new AppError("validation", `The password ${reason}.`, {
              errors: [{ field: "body.password", message: reason }],
            });
          }
          user = await users.insertUser(tx, {
            id: newId(),
            email: invitation.email,
            name: input.name,
            passwordHash: await hashPassword(input.password),
          });
        }
        await enterTenant(tx, tenantId);
        if (!(await users.findMembership(tx, tenantId, user.id))) {
          await users.insertMembership(tx, { tenantId, userId: user.id, role: invitation.role });
        }
        await members.updateInvitation(tx, tenantId, invitation.id, { acceptedAt: new Date() });
        await recordAudit(
          tx,
          { tenantId, role: invitation.role, userId: user.id },
          {
            action: "invitation.accept",
            targetType: "invitation",
            targetId: invitation.id,
            after: { email: user.email, role: invitation.role },
          },
        );
        const organization = await repo.findOrganization(tx, tenantId);
        const { token } = await deps.startSession(tx, user.id, tenantId, client);
        return {
          token,
          user: { id: user.id, email: user.email, name: user.name },
          organization: organization
            ? { id: organization.id, slug: organization.slug, name: organization.name }
            : null,
        };
      });
    },
  };

  async function openInvitation(token: string) {
    const parsed = parseTenantToken("inv", token);
    if (!parsed) throw invalidInvitation();
    const { tenantId, secretHash } = parsed;
    const found = await withTenant(db, tenantId, async (tx) => ({
      invitation: await members.findInvitationByTokenHash(tx, tenantId, secretHash),
      organization: await repo.findOrganization(tx, tenantId),
    }));
    const { invitation } = found;
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) {
      throw invalidInvitation();
    }
    return { invitation, tenantId, organizationName: found.organization?.name ?? "" };
  }
}

function presentInvitation(row: members.InvitationRow): InvitationView {
  const status = row.acceptedAt
    ? "accepted"
    : row.revokedAt
      ? "revoked"
      : row.expiresAt <= new Date()
        ? "expired"
        : "pending";
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
