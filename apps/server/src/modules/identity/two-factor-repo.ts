import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.ts";
import { newId } from "../../platform/ids.ts";
import { recoveryCodes, twoFactorChallenges, users } from "./tables.ts";

export async function setTwoFactor(
  executor: Executor,
  userId: string,
  changes: { twoFactorSecret: string | null; twoFactorEnabledAt: Date | null },
) {
  await executor.update(users).set(changes).where(eq(users.id, userId));
}

export async function replaceRecoveryCodes(executor: Executor, userId: string, codeHashes: string[]) {
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length === 0) return;
  await executor
    .insert(recoveryCodes)
    .values(codeHashes.map((codeHash) => ({ id: newId(), userId, codeHash })));
}

/** Uses one recovery code; answers false when it is unknown or used already. */
export async function useRecoveryCode(executor: Executor, userId: string, codeHash: string) {
  const used = await executor
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function insertChallenge(executor: Executor, row: typeof twoFactorChallenges.$inferInsert) {
  await executor.insert(twoFactorChallenges).values(row);
}

/** Counts one try at a live challenge with tries left, and answers it; undefined when spent. */
export async function countChallengeAttempt(executor: Executor, tokenHash: string, maxAttempts: number) {
  const [row] = await executor
    .update(twoFactorChallenges)
    .set({ attempts: sql`${twoFactorChallenges.attempts} + 1` })
    .where(
      and(
        eq(twoFactorChallenges.tokenHash, tokenHash),
        gt(twoFactorChallenges.expiresAt, new Date()),
        lt(twoFactorChallenges.attempts, maxAttempts),
      ),
    )
    .returning();
  return row;
}

export async function deleteChallenge(executor: Executor, id: string) {
  await executor.delete(twoFactorChallenges).where(eq(twoFactorChallenges.id, id));
}

/** Records a TOTP step as used, if it is newer than the last one; answers whether it was. */
export async function claimTotpStep(executor: Executor, userId: string, step: number) {
  const claimed = await executor
    .update(users)
    .set({ twoFactorLastStep: step })
    .where(and(eq(users.id, userId), sql`coalesce(${users.twoFactorLastStep}, -1) < ${step}`))
    .returning({ id: users.id });
  return claimed.length > 0;
}
