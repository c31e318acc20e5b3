import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./audit.ts";

describe("diffSnapshots", () => {
  it("keeps changed fields only and redacts secrets", () => {
    expect(
      diffSnapshots(
        { name: "Old", role: "member", accessToken: "abc", unchanged: 1 },
        { name: "New", role: "member", accessToken: "def", unchanged: 1, appSecret: "s" },
      ),
    ).toEqual({
      name: { from: "Old", to: "New" },
      accessToken: { from: "[redacted]", to: "[redacted]" },
      appSecret: { from: undefined, to: "[redacted]" },
    });
  });

  it("records a creation and a deletion", () => {
    expect(diffSnapshots(undefined, { name: "A" })).toEqual({ name: { from: undefined, to: "A" } });
    expect(diffSnapshots({ name: "A" }, null)).toEqual({ name: { from: "A", to: undefined } });
  });
});
