import { describe, expect, it } from "vitest";
import { nextOccurrence } from "./scheduler.ts";
import { retryDelaySeconds } from "./worker.ts";

describe("retry backoff", () => {
  it("grows exponentially with jitter and stops growing at an hour", () => {
    for (const attempt of [1, 2, 3, 6]) {
      const delay = retryDelaySeconds(attempt);
      expect(delay).toBeGreaterThanOrEqual(2 ** attempt / 2);
      expect(delay).toBeLessThanOrEqual(2 ** attempt);
    }
    expect(retryDelaySeconds(30)).toBeLessThanOrEqual(3600);
  });
});

describe("cron schedules", () => {
  it("computes the next occurrence in UTC", () => {
    expect(nextOccurrence("17 3 * * *", new Date("2026-01-01T03:17:00Z")).toISOString()).toBe(
      "2026-01-02T03:17:00.000Z",
    );
    expect(nextOccurrence("7 * * * *", new Date("2026-01-01T10:30:00Z")).toISOString()).toBe(
      "2026-01-01T11:07:00.000Z",
    );
  });
});
