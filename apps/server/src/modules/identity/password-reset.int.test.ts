import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../platform/ids.ts";
import { listDevMail } from "../../platform/mail.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { sessionCookie } from "./session-auth.ts";

let harness: TestApp;
beforeAll(async () => {
  harness = await startTestApp();
});
afterAll(() => harness.close());

const oldPassword = "the first pass phrase";
const newPassword = "a brand new pass phrase";

const requestReset = (email: string) =>
  harness.app.inject({ method: "POST", url: "/api/v1/auth/password-reset/request", payload: { email } });
const confirmReset = (token: string, password: string) =>
  harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/password-reset/confirm",
    payload: { token, password },
  });
const signIn = (email: string, password: string) =>
  harness.app.inject({ method: "POST", url: "/api/v1/auth/sign-in/email", payload: { email, password } });

/** The reset token mailed to `email`, once the background send has landed in the dev mailbox. */
async function resetTokenFor(email: string): Promise<string> {
  let token = "";
  await expect
    .poll(async () => {
      const message = (await listDevMail(harness.database.db, 500)).find(
        (entry) => entry.to === email && entry.subject.startsWith("Reset"),
      );
      token = /token=([^\s]+)/.exec(message?.text ?? "")?.[1] ?? "";
      return token;
    })
    .not.toBe("");
  return token;
}

describe("password reset", () => {
  it("answers the same whether or not the email has an account", async () => {
    const unknown = await requestReset(`nobody-${newId()}@example.com`);
    const email = `known-${newId()}@example.com`;
    await harness.modules.auth.createOrganizationWithOwner({
      name: "Known",
      ownerEmail: email,
      ownerPassword: oldPassword,
    });
    const known = await requestReset(email);
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
  });

  it("sets a new password once with the emailed link and signs every session out", async () => {
    const email = `reset-${newId()}@example.com`;
    await harness.modules.auth.createOrganizationWithOwner({
      name: "Reset",
      ownerEmail: email,
      ownerPassword: oldPassword,
    });
    const session = (await signIn(email, oldPassword)).cookies.find(
      (cookie) => cookie.name === sessionCookie,
    );
    const cookies = { [sessionCookie]: session?.value ?? "" };
    expect((await harness.app.inject({ url: "/api/v1/me", cookies })).statusCode).toBe(200);

    await requestReset(email);
    const token = await resetTokenFor(email);
    expect((await confirmReset(token, "short")).statusCode).toBe(400);
    expect((await confirmReset(token, newPassword)).statusCode).toBe(204);
    expect((await confirmReset(token, "yet another pass phrase")).statusCode).toBe(404);

    expect((await signIn(email, oldPassword)).statusCode).toBe(401);
    expect((await signIn(email, newPassword)).statusCode).toBe(200);
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/me", cookies })).statusCode)
      .toBe(401);
  });

  it("refuses a link it never sent", async () => {
    expect((await confirmReset("not-a-real-token-at-all", newPassword)).statusCode).toBe(404);
  });
});
