import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../platform/ids.ts";
import { createTestTenant, startTestApp, type TestApp, testConfig } from "../../test/harness.ts";

let harness: TestApp;
beforeAll(async () => {
  harness = await startTestApp({
    config: testConfig({
      RATE_LIMIT_AUTH_PER_IP: "6",
      RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: "2",
      RATE_LIMIT_API_KEY_PER_MINUTE: "3",
      RATE_LIMIT_ORGANIZATION_PER_MINUTE: "100",
    }),
  });
});
afterAll(() => harness.close());

const password = "a perfectly good password";
const signIn = (email: string, secret: string, ip = "203.0.113.1") =>
  harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in/email",
    payload: { email, password: secret },
    remoteAddress: ip,
  });

describe("rate limits", () => {
  it("locks an account for a while after repeated failures, whether or not it exists", async () => {
    const email = `locked-${newId()}@example.com`;
    await harness.modules.auth.createOrganizationWithOwner({
      name: "Locked",
      ownerEmail: email,
      ownerPassword: password,
    });
    expect((await signIn(email, "wrong password one", "203.0.113.10")).statusCode).toBe(401);
    expect((await signIn(email, "wrong password two", "203.0.113.11")).statusCode).toBe(401);
    const locked = await signIn(email, password, "203.0.113.12");
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(locked.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);

    const unknown = `nobody-${newId()}@example.com`;
    await signIn(unknown, "x1234567890", "203.0.113.13");
    await signIn(unknown, "x1234567890", "203.0.113.14");
    expect((await signIn(unknown, "x1234567890", "203.0.113.15")).statusCode).toBe(429);
  });

  it("limits sign-in attempts per client address", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await signIn(`ip-${newId()}@example.com`, "whatever12345", "198.51.100.7")).statusCode);
    }
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
    expect((await signIn(`ip-${newId()}@example.com`, "whatever12345", "198.51.100.8")).statusCode).toBe(401);
  });

  it("limits API requests per key, with RateLimit headers", async () => {
    const tenant = await createTestTenant(harness.modules);
    const responses = [];
    for (let call = 0; call < 4; call++)
      responses.push(await harness.app.inject({ url: "/api/v1/me", headers: tenant.headers }));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 429]);
    expect(responses[0]?.headers["ratelimit-limit"]).toBe("3");
    expect(responses[0]?.headers["ratelimit-remaining"]).toBe("2");
    expect(responses[3]?.headers["retry-after"]).toBeDefined();
    expect(responses[3]?.json().status).toBe(429);
  });
});
