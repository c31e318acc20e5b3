import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../ids.ts";
import { createRedisRateLimitStore } from "./rate-limit.ts";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const available = await redisAnswers();
if (!available)
  console.warn(`\n*** Redis does not answer at ${redisUrl}: the shared rate-limit test did NOT run. ***\n`);

describe.runIf(available)("Redis rate limit store", () => {
  const first = createRedisRateLimitStore(redisUrl);
  const second = createRedisRateLimitStore(redisUrl);
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it("shares one count between server processes, with a window that expires", async () => {
    const key = `test:${newId()}`;
    const rule = { limit: 2, windowMs: 1_000 };
    expect(await first.hit(key, rule)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await second.hit(key, rule)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await first.peek(key, rule)).allowed).toBe(false);
    expect((await second.hit(key, rule)).allowed).toBe(false);
    await expect.poll(async () => (await first.peek(key, rule)).allowed, { timeout: 3_000 }).toBe(true);
    await first.hit(key, rule);
    await second.reset(key);
    expect((await first.peek(key, rule)).remaining).toBe(2);
  });
});
