import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { generateSecretToken, hashSecretToken } from "../../platform/crypto.ts";
import type { Db } from "../../platform/db/client.ts";
import { enterTenant } from "../../platform/db/tenancy.ts";
import { publishEvent } from "../../platform/events.ts";
import { AppError } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { SecretBox } from "../../platform/secret-box.ts";
import { personSecurityChanged } from "./events.ts";
import { verifyPassword } from "./password.ts";
import * as factors from "./two-factor-repo.ts";
import * as users from "./user-repo.ts";

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;

const issuer = "Social Business OS";
const challengeLifetimeMs = 5 * 60_000;
const maxChallengeAttempts = 5;
const recoveryCodeCount = 10;
const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

function totpFor(email: string, secret: Secret) {
  return new TOTP({ issuer, label: email, algorithm: "SHA1", digits: 6, period: 30, secret });
}

/** `xxxxx-xxxxx` from an alphabet without look-alikes (no 0/o, 1/l/i). */
function generateRecoveryCode(): string {
  const characters = [...randomBytes(10)].map((byte) => recoveryAlphabet[byte % recoveryAlphabet.length]);
  return `${characters.slice(0, 5).join("")}-${characters.slice(5).join("")}`;
}

const normaliseCode = (code: string) => code.trim().toLowerCase().replaceAll(" ", "");

export function createTwoFactorService(deps: { db: Db; secrets: SecretBox }) {
  const { db, secrets } = deps;

  const requirePerson = async (actor: Actor) => {
    const user = actor.userId ? await users.findUser(db, actor.userId) : undefined;
    if (!user) throw new AppError("forbidden", "Only a signed-in person can do this, not an API key.");
    return user;
  };

  /** A TOTP code (±30 s) for the person's active seed, or one unused recovery code. */
  const verifySecondFactor = async (user: users.UserRow, code: string) => {
    if (!user.twoFactorSecret) return false;
    const entered = normaliseCode(code);
    if (/^\d{6}$/.test(entered)) {
      const totp = totpFor(user.email, Secret.fromBase32(secrets.open(user.twoFactorSecret)));
      const delta = totp.validate({ token: entered, window: 1 });
      if (delta === null) return false;
      return factors.claimTotpStep(db, user.id, totp.counter() + delta);
    }
    return factors.useRecoveryCode(db, user.id, hashSecretToken(entered));
  };

  return {
    /** Starts enrolment: a new seed (sealed at rest) as an otpauth URL and its QR code. */
    setup: async (actor: Actor) => {
      const user = await requirePerson(actor);
      if (user.twoFactorEnabledAt) {
        throw new AppError(
          "conflict",
          "Two-factor authentication is on already: turn it off to enrol again.",
        );
      }
      const secret = new Secret({ size: 20 });
      await factors.setTwoFactor(db, user.id, {
        twoFactorSecret: secrets.seal(secret.base32),
        twoFactorEnabledAt: null,
      });
      const otpauthUrl = totpFor(user.email, secret).toString();
      return {
        secret: secret.base32,
        otpauthUrl,
        qrCodeSvg: await QRCode.toString(otpauthUrl, { type: "svg" }),
      };
    },

    /** Turns it on once a code from the app matches; answers the recovery codes, shown only now. */
    enable: async (actor: Actor, code: string) => {
      const user = await requirePerson(actor);
      if (user.twoFactorEnabledAt) throw new AppError("conflict", "Two-factor authentication is on already.");
      if (!user.twoFactorSecret) throw new AppError("conflict", "Start with the set-up step.");
      if (!/^\d{6}$/.test(normaliseCode(code)) || !(await verifySecondFactor(user, code))) {
        throw new AppError(
          "validation",
          "The code does not match: check the time on your phone and try again.",
          {
            errors: [{ field: "body.code", message: "does not match" }],
          },
        );
      }
      const codes = Array.from({ length: recoveryCodeCount }, generateRecoveryCode);
      await db.transaction(async (tx) => {
        await factors.setTwoFactor(tx, user.id, {
          twoFactorSecret: user.twoFactorSecret,
          twoFactorEnabledAt: new Date(),
        });
        await factors.replaceRecoveryCodes(tx, user.id, codes.map(hashSecretToken));
        await publishEvent(tx, { type: personSecurityChanged, tenantId: null, data: { userId: user.id } });
        await enterTenant(tx, actor.tenantId);
        await recordAudit(tx, actor, { action: "two_factor.enable", targetType: "user", targetId: user.id });
      });
      return { recoveryCodes: codes };
    },

    disable: async (actor: Actor, password: string) => {
      const user = await requirePerson(actor);
      if (!(await verifyPassword(user.passwordHash, password))) {
        throw new AppError("validation", "The password is incorrect.", {
          errors: [{ field: "body.password", message: "incorrect" }],
        });
      }
      await db.transaction(async (tx) => {
        await factors.setTwoFactor(tx, user.id, { twoFactorSecret: null, twoFactorEnabledAt: null });
        await factors.replaceRecoveryCodes(tx, user.id, []);
        await publishEvent(tx, { type: personSecurityChanged, tenantId: null, data: { userId: user.id } });
        await enterTenant(tx, actor.tenantId);
        await recordAudit(tx, actor, { action: "two_factor.disable", targetType: "user", targetId: user.id });
      });
    },

    /** After a correct password: the challenge the second step must answer. */
    createChallenge: async (userId: string) => {
      const token = generateSecretToken();
      await factors.insertChallenge(db, {
        id: newId(),
        userId,
        tokenHash: hashSecretToken(token),
        expiresAt: new Date(Date.now() + challengeLifetimeMs),
      });
      return token;
    },

    /** The second sign-in step: five tries per challenge, then sign in again from the start. */
    verifyChallenge: async (challenge: string, code: string) => {
      const pending = await factors.countChallengeAttempt(
        db,
        hashSecretToken(challenge),
        maxChallengeAttempts,
      );
      if (!pending) {
        throw new AppError("unauthorized", "This sign-in has expired or had too many tries: sign in again.", {
          code: "challenge_expired",
        });
      }
      const user = await users.findUser(db, pending.userId);
      if (!user || !(await verifySecondFactor(user, code))) {
        throw new AppError("unauthorized", "The code is incorrect.", { code: "two_factor_invalid" });
      }
      await factors.deleteChallenge(db, pending.id);
      return user;
    },
  };
}
