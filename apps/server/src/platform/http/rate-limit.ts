import { AppError } from "./errors.ts";

export type RateLimitRule = { limit: number; windowMs: number };

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
};

/** Counts hits per key in fixed windows. In-process; a shared store (Redis) can implement the same. */
export type RateLimitStore = {
  hit(key: string, rule: RateLimitRule): RateLimitDecision;
  peek(key: string, rule: RateLimitRule): RateLimitDecision;
  reset(key: string): void;
};

export function createMemoryRateLimitStore(): RateLimitStore {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
  }, 60_000);
  sweep.unref();

  const current = (key: string, rule: RateLimitRule) => {
    const now = Date.now();
    let window = windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + rule.windowMs };
      windows.set(key, window);
    }
    return window;
  };
  const decide = (window: { count: number; endsAt: number }, rule: RateLimitRule): RateLimitDecision => ({
    allowed: window.count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - window.count),
    resetSeconds: Math.max(1, Math.ceil((window.endsAt - Date.now()) / 1000)),
  });

  return {
    hit: (key, rule) => {
      const window = current(key, rule);
      window.count++;
      return decide(window, rule);
    },
    peek: (key, rule) => {
      const window = current(key, rule);
      return { ...decide(window, rule), allowed: window.count < rule.limit };
    },
    reset: (key) => {
      windows.delete(key);
    },
  };
}

export function tooManyRequests(decision: RateLimitDecision, what: string): AppError {
  return new AppError("rate_limited", `Too many ${what}; try again in ${decision.resetSeconds} s.`, {
    retryAfterSeconds: decision.resetSeconds,
  });
}
