import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../platform/ids.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { sessionCookie } from "./session-auth.ts";

let harness: TestApp;
beforeAll(async () => {
  harness = await startTestApp();
});
afterAll(() => harness.close());

const password = "correct horse battery staple";
const uniqueEmail = () => `person-${newId()}@example.com`;

async function signUp(email = uniqueEmail(), organizationName = "Acme") {
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    payload: { email, password, name: "Ada Lovelace", organizationName },
  });
  return { response, email, cookie: sessionCookieOf(response) };
}

function sessionCookieOf(response: { cookies: { name: string; value: string }[] }) {
  const cookie = response.cookies.find((entry) => entry.name === sessionCookie);
  return cookie ? { [sessionCookie]: cookie.value } : undefined;
}

const signIn = (email: string, secret = password) =>
  harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in/email",
    payload: { email, password: secret },
  });

describe("sign-up and sign-in", () => {
  it("creates the user, their organisation and an owner membership, and signs in", async () => {
    const { response, email, cookie } = await signUp(undefined, "Ada's Bakery");
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      user: { email, name: "Ada Lovelace" },
      organization: { name: "Ada's Bakery", slug: expect.stringMatching(/^ada-s-bakery/) },
    });
    const setCookie = String(response.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const me = await harness.app.inject({ url: "/api/v1/me", cookies: cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      caller: { type: "user", email, name: "Ada Lovelace" },
      role: "owner",
      can: { "apiKeys.manage": true },
    });
  });

  it("stores the password as an argon2id hash and the session token only hashed", async () => {
    const { email, cookie } = await signUp();
    const stored = await harness.database.db.execute<{ password_hash: string; token_hash: string }>(sql`
      select u.password_hash, s.token_hash from users u join sessions s on s.user_id = u.id where u.email = ${email}`);
    expect(stored.rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=47104,t=5,p=1\$/);
    expect(stored.rows[0]?.token_hash).not.toBe(cookie?.[sessionCookie]);
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses weak passwords, duplicate emails and unknown fields, creating nothing", async () => {
    const email = uniqueEmail();
    const weak = await harness.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: { email, password: "1234567890", name: "X", organizationName: "X" },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      { field: "body.password", message: expect.stringMatching(/common/) },
    ]);
    const short = await harness.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: { email, password: "short", name: "X", organizationName: "X" },
    });
    expect(short.json().errors[0].message).toMatch(/at least 10/);
    const users = await harness.database.db.execute(sql`select id from users where email = ${email}`);
    expect(users.rows).toHaveLength(0);

    await signUp(email);
    expect((await signUp(email.toUpperCase())).response.statusCode).toBe(409);
    const extra = await harness.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: { email: uniqueEmail(), password, name: "X", organizationName: "X", admin: true },
    });
    expect(extra.statusCode).toBe(400);
  });

  it("signs in case-insensitively and never tells whether the email exists", async () => {
    const { email } = await signUp();
    const ok = await signIn(email.toUpperCase());
    expect(ok.statusCode).toBe(200);
    expect(sessionCookieOf(ok)).toBeDefined();

    const wrongPassword = await signIn(email, "not the password at all");
    const unknownEmail = await signIn(uniqueEmail());
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(unknownEmail.json().detail).toBe(wrongPassword.json().detail);
    expect(sessionCookieOf(wrongPassword)).toBeUndefined();
  });
});

describe("sessions", () => {
  it("lists my sessions and signs one out, which stops working at once", async () => {
    const { email, cookie: first } = await signUp();
    const second = sessionCookieOf(await signIn(email));
    const list = await harness.app.inject({ url: "/api/v1/auth/sessions", cookies: first });
    const sessions = list.json().data as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((session) => !session.current);

    const ended = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/auth/sessions/${other?.id}`,
      cookies: first,
    });
    expect(ended.statusCode).toBe(204);
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/me", cookies: second })).statusCode)
      .toBe(401);
    expect((await harness.app.inject({ url: "/api/v1/me", cookies: first })).statusCode).toBe(200);
  });

  it("cannot end another person's session", async () => {
    const mine = await signUp();
    const theirs = await signUp();
    const theirSessions = await harness.app.inject({ url: "/api/v1/auth/sessions", cookies: theirs.cookie });
    const target = theirSessions.json().data[0].id;
    const attempt = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/auth/sessions/${target}`,
      cookies: mine.cookie,
    });
    expect(attempt.statusCode).toBe(404);
    expect((await harness.app.inject({ url: "/api/v1/me", cookies: theirs.cookie })).statusCode).toBe(200);
  });

  it("signs out", async () => {
    const { cookie } = await signUp();
    const out = await harness.app.inject({ method: "POST", url: "/api/v1/auth/sign-out", cookies: cookie });
    expect(out.statusCode).toBe(204);
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/me", cookies: cookie })).statusCode)
      .toBe(401);
  });

  it("refuses a cookie-authenticated change sent from another site", async () => {
    const { cookie } = await signUp();
    const crossSite = await harness.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-out",
      cookies: cookie,
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.statusCode).toBe(403);
    const sameSite = await harness.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-out",
      cookies: cookie,
      headers: { origin: "http://localhost:80", host: "localhost:80" },
    });
    expect(sameSite.statusCode).toBe(204);
  });

  it("is for people only: an API key cannot list sessions", async () => {
    const { cookie } = await signUp();
    const created = await harness.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      cookies: cookie,
      payload: { name: "script" },
    });
    const key = created.json().key;
    const asKey = await harness.app.inject({
      url: "/api/v1/auth/sessions",
      headers: { authorization: `Bearer ${key}` },
    });
    expect(asKey.statusCode).toBe(403);
  });
});

describe("organisations", () => {
  it("lists only my organisations and switches between them", async () => {
    const { email, cookie } = await signUp(undefined, "First");
    await harness.modules.auth.createOrganizationWithOwner({
      name: "Second",
      ownerEmail: email,
      ownerPassword: password,
    });
    await signUp(undefined, "Somebody else's");

    const list = await harness.app.inject({ url: "/api/v1/organizations", cookies: cookie });
    const organizations = list.json().data as { id: string; name: string; role: string }[];
    expect(organizations.map((organization) => organization.name).sort()).toEqual(["First", "Second"]);
    const second = organizations.find((organization) => organization.name === "Second");

    const switched = await harness.app.inject({
      method: "POST",
      url: "/api/v1/auth/active-organization",
      cookies: cookie,
      payload: { organizationId: second?.id },
    });
    expect(switched.statusCode).toBe(200);
    await expect
      .poll(
        async () =>
          (await harness.app.inject({ url: "/api/v1/me", cookies: cookie })).json().organization.name,
      )
      .toBe("Second");

    const foreign = await harness.app.inject({
      method: "POST",
      url: "/api/v1/auth/active-organization",
      cookies: cookie,
      payload: { organizationId: newId() },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
