import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryRateLimitStore } from "./rate-limit.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("memory rate limit store", () => {
  it("allows up to the limit in a window, then refuses until the window ends", () => {
    vi.useFakeTimers();
    const store = createMemoryRateLimitStore();
    const rule = { limit: 2, windowMs: 10_000 };
    expect(store.hit("k", rule)).toMatchObject({ allowed: true, remaining: 1 });
    expect(store.hit("k", rule)).toMatchObject({ allowed: true, remaining: 0 });
    expect(store.peek("k", rule).allowed).toBe(false);
    expect(store.hit("k", rule)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 10 });
    expect(store.hit("other", rule).allowed).toBe(true);
    vi.advanceTimersByTime(10_001);
    expect(store.hit("k", rule)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("forgets a key on reset", () => {
    const store = createMemoryRateLimitStore();
    const rule = { limit: 1, windowMs: 60_000 };
    store.hit("k", rule);
    store.reset("k");
    expect(store.peek("k", rule).allowed).toBe(true);
  });
});
