import type { Config } from "../../platform/config.ts";
import { AppError } from "../../platform/http/errors.ts";
import { type RateLimitStore, tooManyRequests } from "../../platform/http/rate-limit.ts";

export type AuthThrottle = ReturnType<typeof createAuthThrottle>;

/**
 * Slows guessing: attempts per client IP (every sign-in and sign-up) and failed sign-ins per
 * account. The account lock counts failures for the email whether or not it exists (so it tells
 * nothing), ends by itself after 15 minutes, and a success clears it: nobody is locked out for good.
 */
export function createAuthThrottle(store: RateLimitStore, limits: Config["rateLimits"]) {
  const perIp = { limit: limits.authPerIp, windowMs: 5 * 60_000 };
  const perAccount = { limit: limits.signInFailuresPerAccount, windowMs: 15 * 60_000 };

  return {
    async countAttempt(ip: string) {
      const decision = await store.hit(`auth:ip:${ip}`, perIp);
      if (!decision.allowed) throw tooManyRequests(decision, "sign-in attempts from this address");
    },

    async guardSignIn<T>(email: string, attempt: () => Promise<T>): Promise<T> {
      const key = `auth:account:${email}`;
      const before = await store.peek(key, perAccount);
      if (!before.allowed) throw tooManyRequests(before, "failed sign-ins for this account");
      try {
        const result = await attempt();
        await store.reset(key);
        return result;
      } catch (error) {
        const secondStep = error instanceof AppError && error.extras.code === "two_factor_required";
        if (error instanceof AppError && error.kind === "unauthorized" && !secondStep)
          await store.hit(key, perAccount);
        throw error;
      }
    },
  };
}
