import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, parseSecretKeys } from "./secret-box.ts";

const key = (id: string) => ({ id, key: randomBytes(32) });

describe("secret box", () => {
  it("seals with AES-256-GCM and opens again, never showing the plain text", () => {
    const box = createSecretBox([key("k1")]);
    const sealed = box.seal("JBSWY3DPEHPK3PXP");
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.open(sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(box.seal("same")).not.toBe(box.seal("same"));
  });

  it("rotates: a new first key seals, old keys still open", () => {
    const old = key("old");
    const sealedBefore = createSecretBox([old]).seal("token");
    const rotated = createSecretBox([key("new"), old]);
    expect(rotated.open(sealedBefore)).toBe("token");
    expect(rotated.seal("token")).toMatch(/^v1\.new\./);
  });

  it("refuses tampered data and unknown keys", () => {
    const box = createSecretBox([key("k1")]);
    const sealed = box.seal("secret");
    const tampered = `${sealed.slice(0, -2)}AA`;
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSecretBox([key("other")]).open(sealed)).toThrow(/not configured/);
  });

  it("parses SECRET_KEYS and rejects short keys", () => {
    const value = `a:${randomBytes(32).toString("base64")},b:${randomBytes(32).toString("base64")}`;
    expect(parseSecretKeys(value).map((entry) => entry.id)).toEqual(["a", "b"]);
    expect(() => parseSecretKeys("a:c2hvcnQ=")).toThrow(/32-byte/);
  });
});
