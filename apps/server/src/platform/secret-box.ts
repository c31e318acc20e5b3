import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "./config.ts";

/** Seals secrets at rest (TOTP seeds, provider tokens) with AES-256-GCM under a named key. */
export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

type NamedKey = { id: string; key: Buffer };

/** The first key seals; every key opens, so keys rotate by adding a new one first and re-sealing. */
export function createSecretBox(keys: NamedKey[]): SecretBox {
  const current = keys[0];
  if (!current) throw new Error("A secret box needs at least one key.");
  const byId = new Map(keys.map((entry) => [entry.id, entry.key]));
  return {
    seal: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", current.id, iv, cipher.getAuthTag(), data]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open: (sealed) => {
      const [version, keyId, iv, tag, data] = sealed.split(".");
      const key = keyId ? byId.get(keyId) : undefined;
      if (version !== "v1" || !key || !iv || !tag || data === undefined) {
        throw new Error("This secret was sealed with a key that is not configured (SECRET_KEYS).");
      }
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

/** `id:base64key,…` from SECRET_KEYS; without it (never in production) a key kept in the data folder. */
export function loadSecretKeys(config: Pick<Config, "secretKeys" | "dataDir">): NamedKey[] {
  if (config.secretKeys) return parseSecretKeys(config.secretKeys);
  const file = path.join(config.dataDir, "secret-keys");
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `local:${randomBytes(32).toString("base64")}\n`);
    chmodSync(file, 0o600);
  }
  return parseSecretKeys(readFileSync(file, "utf8").trim());
}

export function parseSecretKeys(value: string): NamedKey[] {
  return value.split(",").map((entry) => {
    const [id, encoded] = entry.trim().split(":");
    const key = Buffer.from(encoded ?? "", "base64");
    if (!id || !/^[\w-]+$/.test(id) || key.length !== 32) {
      throw new Error(
        "SECRET_KEYS must be id:base64 pairs of 32-byte keys, e.g. k1:$(openssl rand -base64 32)",
      );
    }
    return { id, key };
  });
}
