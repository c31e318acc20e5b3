import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { commonPasswords } from "./common-passwords.ts";

/**
 * Argon2id, deliberately slow (55-90 ms here: OWASP's 46 MiB profile with more passes), so a
 * stolen table costs an attacker dearly. Parameters live in each hash, so they can rise later.
 */
const argon2id = 2 as Algorithm;
const argon2Options = { algorithm: argon2id, memoryCost: 47_104, timeCost: 5, parallelism: 1 };

export const minimumPasswordLength = 10;
export const maximumPasswordLength = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real verification, so an unknown email answers as slowly as a wrong password. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword("no account has this password");
  await verifyPassword(await dummyHash, password);
}

/** Why a password is refused, or undefined when it is acceptable. */
export function weakPasswordReason(password: string, context: { email?: string; name?: string } = {}) {
  if (password.length < minimumPasswordLength) return `must be at least ${minimumPasswordLength} characters`;
  if (password.length > maximumPasswordLength) return `must be at most ${maximumPasswordLength} characters`;
  const normalised = password.toLowerCase();
  if (commonPasswords.has(normalised)) return "is one of the most common passwords; choose another";
  const personal = [context.email?.split("@")[0], context.name].filter(
    (value): value is string => !!value && value.length >= 4,
  );
  if (personal.some((value) => normalised === value.toLowerCase())) return "must not be your name or email";
  return undefined;
}
