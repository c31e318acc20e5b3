import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryRateLimitStore } from "./rate-limit.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("memory rate limit store", () => {
  it("allows up to the limit in a window, then refuses until the window ends", async () => {
    vi.useFakeTimers();
    const store = createMemoryRateLimitStore();
    const rule = { limit: 2, windowMs: 10_000 };
    expect(await store.hit("k", rule)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await store.hit("k", rule)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await store.peek("k", rule)).allowed).toBe(false);
    expect(await store.hit("k", rule)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 10 });
    expect((await store.hit("other", rule)).allowed).toBe(true);
    vi.advanceTimersByTime(10_001);
    expect(await store.hit("k", rule)).toMatchObject({ allowed: true, remaining: 1 });
    await store.close();
  });

  it("forgets a key on reset", async () => {
    const store = createMemoryRateLimitStore();
    const rule = { limit: 1, windowMs: 60_000 };
    await store.hit("k", rule);
    await store.reset("k");
    expect((await store.peek("k", rule)).allowed).toBe(true);
    await store.close();
  });
});
