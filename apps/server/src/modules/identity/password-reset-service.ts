import type { Logger } from "pino";
import { generateSecretToken, hashSecretToken } from "../../platform/crypto.ts";
import type { Db } from "../../platform/db/client.ts";
import { publishEvent } from "../../platform/events.ts";
import { AppError } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { Mailer } from "../../platform/mail.ts";
import { sessionEnded } from "./events.ts";
import { hashPassword, weakPasswordReason } from "./password.ts";
import * as users from "./user-repo.ts";

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;

const resetLifetimeMs = 30 * 60 * 1000;

export function createPasswordResetService(deps: { db: Db; mailer: Mailer; logger: Logger }) {
  const { db, mailer } = deps;

  const sendResetLink = async (email: string, baseUrl: string) => {
    const user = await users.findUserByEmail(db, email);
    if (!user) return;
    const token = generateSecretToken();
    await users.insertPasswordReset(db, {
      id: newId(),
      userId: user.id,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(Date.now() + resetLifetimeMs),
    });
    await mailer.send({
      to: user.email,
      subject: "Reset your Social Business OS password",
      text: `Someone asked to reset the password of ${user.email}.\n\nChoose a new password: ${baseUrl}/reset-password?token=${token}\n\nThe link works once, for 30 minutes. If it was not you, ignore this email.`,
    });
  };

  return {
    /**
     * Answers at once and the same way whether or not the email has an account; the link is
     * created and sent after the answer, so not even the timing tells.
     */
    requestReset: (email: string, baseUrl: string) => {
      sendResetLink(email, baseUrl).catch((error: unknown) =>
        deps.logger.error({ err: error }, "sending a password reset link failed"),
      );
    },

    /** Sets the new password with a valid link, once, and signs every session of the account out. */
    confirmReset: async (token: string, password: string) => {
      await db.transaction(async (tx) => {
        const reset = await users.consumePasswordReset(tx, hashSecretToken(token));
        if (!reset) {
          throw new AppError("not_found", "This reset link is not valid any more: ask for a new one.", {
            code: "reset_invalid",
          });
        }
        const user = await users.findUser(tx, reset.userId);
        const reason = weakPasswordReason(password, { email: user?.email, name: user?.name });
        if (reason) {
          throw new AppError("validation", `The password ${reason}.`, {
            errors: [{ field: "body.password", message: reason }],
          });
        }
        await users.setPassword(tx, reset.userId, await hashPassword(password));
        for (const sessionId of await users.revokeAllSessions(tx, reset.userId)) {
          await publishEvent(tx, { type: sessionEnded, tenantId: null, data: { sessionId } });
        }
      });
    },
  };
}
