import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: session tokens, API key secrets, invitation and reset tokens. */
export function generateSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens carry 256 bits of entropy, so a fast hash suffices to store them (no stretching needed). */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
