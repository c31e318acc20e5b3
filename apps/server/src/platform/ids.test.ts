import { describe, expect, it } from "vitest";
import { newId } from "./ids.ts";

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newId", () => {
  it("makes UUIDv7 strings that increase strictly, even many in one millisecond", () => {
    const ids = Array.from({ length: 20_000 }, newId);
    for (const id of ids) expect(id).toMatch(uuidV7);
    for (let index = 1; index < ids.length; index += 1) {
      expect((ids[index] ?? "") > (ids[index - 1] ?? "")).toBe(true);
    }
  });

  it("carries the creation time in its first 48 bits", () => {
    const before = Date.now();
    const id = newId();
    const millis = Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThan(before + 1000);
  });
});
