import { sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../platform/ids.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { sessionCookie } from "./session-auth.ts";

let harness: TestApp;
beforeAll(async () => {
  harness = await startTestApp();
});
afterAll(() => harness.close());

const password = "two factor pass phrase";
const cookiesOf = (response: { cookies: { name: string; value: string }[] }) => {
  const cookie = response.cookies.find((entry) => entry.name === sessionCookie);
  return cookie ? { [sessionCookie]: cookie.value } : undefined;
};
const codeFor = (secret: string, offsetSeconds = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });

async function signUp() {
  const email = `tfa-${newId()}@example.com`;
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    payload: { email, password, name: "Grace", organizationName: "Secure Co" },
  });
  return { email, cookies: cookiesOf(response) };
}

const post = (url: string, cookies: Record<string, string> | undefined, payload?: object) =>
  harness.app.inject({ method: "POST", url, cookies, ...(payload ? { payload } : {}) });

async function enrol(cookies: Record<string, string> | undefined) {
  const setup = (await post("/api/v1/auth/two-factor/setup", cookies)).json();
  const enabled = await post("/api/v1/auth/two-factor/enable", cookies, { code: codeFor(setup.secret) });
  return { secret: setup.secret as string, recoveryCodes: enabled.json().recoveryCodes as string[], setup };
}

const signIn = (email: string) =>
  harness.app.inject({ method: "POST", url: "/api/v1/auth/sign-in/email", payload: { email, password } });
const secondStep = (challenge: string, code: string) =>
  post("/api/v1/auth/sign-in/two-factor", undefined, { challenge, code });

describe("two-factor authentication", () => {
  it("enrols with a QR code, keeps the seed sealed, and gives 10 recovery codes once the code matches", async () => {
    const { email, cookies } = await signUp();
    const setup = (await post("/api/v1/auth/two-factor/setup", cookies)).json();
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Social%20Business%20OS:/);
    expect(setup.qrCodeSvg).toMatch(/^<svg/);
    const stored = await harness.database.db.execute<{ two_factor_secret: string }>(
      sql`select two_factor_secret from users where email = ${email}`,
    );
    expect(stored.rows[0]?.two_factor_secret).toMatch(/^v1\.test\./);
    expect(stored.rows[0]?.two_factor_secret).not.toContain(setup.secret);

    expect((await post("/api/v1/auth/two-factor/enable", cookies, { code: "123456" })).statusCode).toBe(400);
    const enabled = await post("/api/v1/auth/two-factor/enable", cookies, { code: codeFor(setup.secret) });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().recoveryCodes).toHaveLength(10);
    expect(new Set(enabled.json().recoveryCodes).size).toBe(10);
    const audit = await harness.app.inject({ url: "/api/v1/audit-events?action=two_factor.enable", cookies });
    expect(audit.json().data).toHaveLength(1);
  });

  it("asks for a second step after the password, and accepts a TOTP code or a recovery code once", async () => {
    const { email, cookies } = await signUp();
    const { secret, recoveryCodes } = await enrol(cookies);

    const first = await signIn(email);
    expect(first.statusCode).toBe(401);
    expect(first.json()).toMatchObject({ code: "two_factor_required", challenge: expect.any(String) });
    expect(cookiesOf(first)).toBeUndefined();

    expect((await secondStep(first.json().challenge, "000000")).statusCode).toBe(401);
    // The enrolment spent the current code; the app's next one is accepted (±30 s window), once.
    const nextCode = codeFor(secret, 30);
    const done = await secondStep(first.json().challenge, nextCode);
    expect(done.statusCode).toBe(200);
    expect((await harness.app.inject({ url: "/api/v1/me", cookies: cookiesOf(done) })).statusCode).toBe(200);
    const replay = await secondStep((await signIn(email)).json().challenge, nextCode);
    expect(replay.statusCode).toBe(401);

    const recovery = recoveryCodes[0] ?? "";
    const withRecovery = await secondStep((await signIn(email)).json().challenge, recovery.toUpperCase());
    expect(withRecovery.statusCode).toBe(200);
    expect((await secondStep((await signIn(email)).json().challenge, recovery)).statusCode).toBe(401);
  });

  it("spends a challenge after five wrong codes", async () => {
    const { email, cookies } = await signUp();
    const { secret } = await enrol(cookies);
    const challenge = (await signIn(email)).json().challenge;
    for (let attempt = 0; attempt < 5; attempt++) await secondStep(challenge, "111111");
    const late = await secondStep(challenge, codeFor(secret));
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe("challenge_expired");
  });

  it("lets an organisation require it: until enrolled, members reach only enrolment", async () => {
    const { cookies } = await signUp();
    const required = await harness.app.inject({
      method: "PATCH",
      url: "/api/v1/organization",
      cookies,
      payload: { requireTwoFactor: true },
    });
    expect(required.json()).toMatchObject({ requireTwoFactor: true });

    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/api-keys", cookies })).json().code)
      .toBe("two_factor_required");
    const me = await harness.app.inject({ url: "/api/v1/me", cookies });
    expect(me.json().security).toEqual({ twoFactorEnabled: false, organizationRequiresTwoFactor: true });

    await enrol(cookies);
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/api-keys", cookies })).statusCode)
      .toBe(200);
    const after = await harness.app.inject({ url: "/api/v1/me", cookies });
    expect(after.json().security.twoFactorEnabled).toBe(true);
  });

  it("turns off with the password only", async () => {
    const { email, cookies } = await signUp();
    await enrol(cookies);
    expect(
      (await post("/api/v1/auth/two-factor/disable", cookies, { password: "wrong password!" })).statusCode,
    ).toBe(400);
    expect((await post("/api/v1/auth/two-factor/disable", cookies, { password })).statusCode).toBe(204);
    expect((await signIn(email)).statusCode).toBe(200);
  });
});
