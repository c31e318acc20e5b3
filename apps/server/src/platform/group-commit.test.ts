import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit.ts";

describe("group commit", () => {
  it("writes the first item alone and what arrives meanwhile together, failing only its own batch", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const group = createGroupCommit<number>(async (items) => {
      batches.push(items);
      if (items.includes(99)) throw new Error("refused");
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = group.add(1);
    const waiting = [group.add(2), group.add(3)];
    release();
    await Promise.all([first, ...waiting]);
    expect(batches).toEqual([[1], [2, 3]]);
    await expect(group.add(99)).rejects.toThrow("refused");
    await group.add(4);
    expect(batches.at(-1)).toEqual([4]);
  });
});
