import { Redis } from "ioredis";
import { AppError } from "./errors.ts";

export type RateLimitRule = { limit: number; windowMs: number };

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
};

/** Counts hits per key in fixed windows: in this process, or in Redis shared by every process. */
export type RateLimitStore = {
  hit(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  peek(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
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
  return {
    hit: async (key, rule) => {
      const window = current(key, rule);
      window.count++;
      return decide(window.count, window.endsAt - Date.now(), rule);
    },
    peek: async (key, rule) => {
      const window = current(key, rule);
      return peekDecision(window.count, window.endsAt - Date.now(), rule);
    },
    reset: async (key) => {
      windows.delete(key);
    },
    close: async () => {
      clearInterval(sweep);
    },
  };
}

/** The same fixed windows in Redis (INCR + PEXPIRE), so several server processes share one count. */
export function createRedisRateLimitStore(url: string): RateLimitStore {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const prefix = "sbos:ratelimit:";
  const counted = async (key: string, rule: RateLimitRule, increment: boolean) => {
    const name = prefix + key;
    const [[, count], [, ttl]] = (await redis
      .multi()
      [increment ? "incr" : "get"](name)
      .pttl(name)
      .exec()) as [[null, number | string | null], [null, number]];
    const value = Number(count ?? 0);
    if (increment && ttl < 0) await redis.pexpire(name, rule.windowMs);
    return { value, remainingMs: ttl < 0 ? rule.windowMs : ttl };
  };
  return {
    hit: async (key, rule) => {
      const { value, remainingMs } = await counted(key, rule, true);
      return decide(value, remainingMs, rule);
    },
    peek: async (key, rule) => {
      const { value, remainingMs } = await counted(key, rule, false);
      return peekDecision(value, remainingMs, rule);
    },
    reset: async (key) => {
      await redis.del(prefix + key);
    },
    close: async () => {
      await redis.quit().catch(() => {});
    },
  };
}

function decide(count: number, remainingMs: number, rule: RateLimitRule): RateLimitDecision {
  return {
    allowed: count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetSeconds: Math.max(1, Math.ceil(remainingMs / 1000)),
  };
}

/** Whether one more hit would still be allowed, without counting it. */
function peekDecision(count: number, remainingMs: number, rule: RateLimitRule): RateLimitDecision {
  return { ...decide(count, remainingMs, rule), allowed: count < rule.limit };
}

export function tooManyRequests(decision: RateLimitDecision, what: string): AppError {
  return new AppError("rate_limited", `Too many ${what}; try again in ${decision.resetSeconds} s.`, {
    retryAfterSeconds: decision.resetSeconds,
  });
}
