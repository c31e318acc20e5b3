import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { memberships, organizations, passwordResets, sessions, users } from "./tables.ts";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByEmail(executor: Executor, email: string) {
  const [row] = await executor.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUser(executor: Executor, id: string) {
  const [row] = await executor.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(executor: Executor, row: typeof users.$inferInsert) {
  const [created] = await executor.insert(users).values(row).returning();
  return created as UserRow;
}

export async function insertSession(executor: Executor, row: typeof sessions.$inferInsert) {
  const [created] = await executor.insert(sessions).values(row).returning();
  return created as SessionRow;
}

export async function findLiveSessionByTokenHash(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())),
    );
  return row;
}

export async function listLiveSessions(executor: Executor, userId: string) {
  return executor
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function markSessionRevoked(executor: Executor, userId: string, sessionId: string) {
  const [row] = await executor
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning();
  return row;
}

export async function updateSession(
  executor: Executor,
  sessionId: string,
  changes: Partial<Pick<SessionRow, "activeTenantId" | "lastSeenAt">>,
) {
  await executor.update(sessions).set(changes).where(eq(sessions.id, sessionId));
}

export async function insertMembership(executor: Executor, row: typeof memberships.$inferInsert) {
  await executor.insert(memberships).values(row);
}

export async function findMembership(executor: Executor, tenantId: string, userId: string) {
  const [row] = await executor
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row;
}

/** Which of `userIds` are members of the organisation. */
export async function findMemberIds(executor: Executor, tenantId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await executor
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.userId, userIds)));
  return rows.map((row) => row.userId);
}

/** The user's organisations; run inside `withUser`, where RLS shows only that user's memberships. */
export async function listUserOrganizations(executor: Executor, userId: string) {
  return executor
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), isNull(organizations.deletedAt)))
    .orderBy(organizations.name);
}

export async function insertPasswordReset(executor: Executor, row: typeof passwordResets.$inferInsert) {
  await executor.insert(passwordResets).values(row);
}

/** Marks the reset used, if it is still valid, and answers whose it was: a second use finds nothing. */
export async function consumePasswordReset(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, new Date()),
      ),
    )
    .returning({ userId: passwordResets.userId });
  return row;
}

export async function setPassword(executor: Executor, userId: string, passwordHash: string) {
  await executor.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** Ends every live session of a user; answers their ids so caches can forget them. */
export async function revokeAllSessions(executor: Executor, userId: string) {
  const rows = await executor
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.map((row) => row.id);
}
