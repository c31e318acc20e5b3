import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { invitations, memberships, users } from "./tables.ts";

export type InvitationRow = typeof invitations.$inferSelect;

export async function listMembers(executor: Executor, tenantId: string) {
  return executor
    .select({
      userId: memberships.userId,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(users.name));
}

export async function countOwners(executor: Executor, tenantId: string) {
  const rows = await executor
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "owner")));
  return rows.length;
}

export async function setMemberRole(
  executor: Executor,
  tenantId: string,
  userId: string,
  role: "owner" | "admin" | "member",
) {
  await executor
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
}

export async function deleteMembership(executor: Executor, tenantId: string, userId: string) {
  await executor
    .delete(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
}

export async function listInvitations(executor: Executor, tenantId: string) {
  return executor
    .select()
    .from(invitations)
    .where(eq(invitations.tenantId, tenantId))
    .orderBy(desc(invitations.id))
    .limit(500);
}

export async function findInvitation(executor: Executor, tenantId: string, id: string) {
  const [row] = await executor
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
  return row;
}

export async function findInvitationByTokenHash(executor: Executor, tenantId: string, tokenHash: string) {
  const [row] = await executor
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.tokenHash, tokenHash)));
  return row;
}

export async function findOpenInvitationForEmail(executor: Executor, tenantId: string, email: string) {
  const [row] = await executor
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  return row;
}

export async function insertInvitation(executor: Executor, row: typeof invitations.$inferInsert) {
  const [created] = await executor.insert(invitations).values(row).returning();
  return created as InvitationRow;
}

export async function updateInvitation(
  executor: Executor,
  tenantId: string,
  id: string,
  changes: Partial<Pick<InvitationRow, "tokenHash" | "expiresAt" | "acceptedAt" | "revokedAt">>,
) {
  const [row] = await executor
    .update(invitations)
    .set(changes)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)))
    .returning();
  return row as InvitationRow;
}
