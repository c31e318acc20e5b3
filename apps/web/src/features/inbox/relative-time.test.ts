import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./relative-time";

const now = Date.parse("2026-03-10T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();

describe("formatRelativeTime", () => {
  it("says now for the last minute, then minutes, hours and days", () => {
    expect(formatRelativeTime(ago(20_000), now, "en")).toBe("now");
    expect(formatRelativeTime(ago(5 * 60_000), now, "en")).toBe("5 min. ago");
    expect(formatRelativeTime(ago(3 * 3_600_000 + 59 * 60_000), now, "en")).toBe("3 hr. ago");
    expect(formatRelativeTime(ago(86_400_000), now, "en")).toBe("yesterday");
    expect(formatRelativeTime(ago(3 * 86_400_000), now, "en")).toBe("3 days ago");
  });

  it("gives the date once it is more than a week old", () => {
    expect(formatRelativeTime("2026-02-14T09:00:00Z", now, "en")).toBe("Feb 14");
  });

  it("reads a clock slightly ahead of the server's as now", () => {
    expect(formatRelativeTime(new Date(now + 5_000).toISOString(), now, "en")).toBe("now");
  });
});
