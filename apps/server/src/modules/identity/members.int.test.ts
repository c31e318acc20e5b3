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

const password = "correct horse battery staple";
const email = () => `member-${newId()}@example.com`;
const cookieOf = (response: { cookies: { name: string; value: string }[] }) => {
  const cookie = response.cookies.find((entry) => entry.name === sessionCookie);
  return cookie ? { [sessionCookie]: cookie.value } : undefined;
};

async function owner() {
  const address = email();
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    payload: { email: address, password, name: "Owner", organizationName: "Team" },
  });
  return { cookies: cookieOf(response), userId: response.json().user.id as string, email: address };
}

async function invite(cookies: Record<string, string> | undefined, address: string, role = "member") {
  return harness.app.inject({
    method: "POST",
    url: "/api/v1/invitations",
    cookies,
    payload: { email: address, role },
  });
}

/** The token from the newest invitation email to `address` in the dev mailbox. */
async function tokenSentTo(address: string) {
  const message = (await listDevMail(harness.database.db, 500)).find((entry) => entry.to === address);
  const match = /token=([^\s&]+)/.exec(message?.text ?? "");
  return decodeURIComponent(match?.[1] ?? "");
}

const accept = (token: string, body: Record<string, string>) =>
  harness.app.inject({ method: "POST", url: "/api/v1/invitations/accept", payload: { token, ...body } });

describe("invitations", () => {
  it("invites by email, and the invitee accepts with a new account and lands in the organisation", async () => {
    const boss = await owner();
    const invitee = email();
    const created = await invite(boss.cookies, invitee);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: invitee, role: "member", status: "pending" });

    const token = await tokenSentTo(invitee);
    expect(token).toMatch(/^inv_/);
    const preview = await harness.app.inject({
      url: `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`,
    });
    expect(preview.json()).toEqual({
      organization: { name: "Team" },
      email: invitee,
      role: "member",
      accountExists: false,
    });

    const weak = await accept(token, { name: "New Person", password: "short" });
    expect(weak.statusCode).toBe(400);
    const accepted = await accept(token, { name: "New Person", password });
    expect(accepted.statusCode).toBe(200);
    const me = await harness.app.inject({ url: "/api/v1/me", cookies: cookieOf(accepted) });
    expect(me.json()).toMatchObject({
      role: "member",
      organization: { name: "Team" },
      caller: { email: invitee },
    });

    const membersList = await harness.app.inject({ url: "/api/v1/members", cookies: boss.cookies });
    expect(
      membersList
        .json()
        .data.map((member: { email: string }) => member.email)
        .sort(),
    ).toEqual([boss.email, invitee].sort());
    expect((await accept(token, { name: "Again", password })).statusCode).toBe(404);
    const list = await harness.app.inject({ url: "/api/v1/invitations", cookies: boss.cookies });
    expect(list.json().data[0]).toMatchObject({ email: invitee, status: "accepted" });
  });

  it("lets an existing account accept with its own password only", async () => {
    const boss = await owner();
    const other = await owner();
    await invite(boss.cookies, other.email, "admin");
    const token = await tokenSentTo(other.email);
    const preview = await harness.app.inject({
      url: `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`,
    });
    expect(preview.json().accountExists).toBe(true);
    expect((await accept(token, { password: "somebody else's password" })).statusCode).toBe(401);
    const accepted = await accept(token, { password });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().organization.name).toBe("Team");
  });

  it("refuses duplicates, and resend or revoke end the old link", async () => {
    const boss = await owner();
    const invitee = email();
    const first = (await invite(boss.cookies, invitee)).json();
    expect((await invite(boss.cookies, invitee)).statusCode).toBe(409);
    expect((await invite(boss.cookies, boss.email)).statusCode).toBe(409);

    const oldToken = await tokenSentTo(invitee);
    const resent = await harness.app.inject({
      method: "POST",
      url: `/api/v1/invitations/${first.id}/resend`,
      cookies: boss.cookies,
    });
    expect(resent.statusCode).toBe(200);
    const newToken = await tokenSentTo(invitee);
    expect(newToken).not.toBe(oldToken);
    expect((await accept(oldToken, { name: "X", password })).statusCode).toBe(404);

    const revoked = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/invitations/${first.id}`,
      cookies: boss.cookies,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await accept(newToken, { name: "X", password })).statusCode).toBe(404);
    expect((await accept("inv_nonsense_token", { name: "X", password })).statusCode).toBe(404);
  });
});

describe("members and roles", () => {
  it("keeps at least one owner, and only owners touch owners", async () => {
    const boss = await owner();
    const adminEmail = email();
    await invite(boss.cookies, adminEmail, "admin");
    const admin = cookieOf(await accept(await tokenSentTo(adminEmail), { name: "Admin", password }));

    const demoteSelf = await harness.app.inject({
      method: "PATCH",
      url: `/api/v1/members/${boss.userId}`,
      cookies: boss.cookies,
      payload: { role: "admin" },
    });
    expect(demoteSelf.statusCode).toBe(409);
    const leave = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/members/${boss.userId}`,
      cookies: boss.cookies,
    });
    expect(leave.statusCode).toBe(409);

    const adminOnOwner = await harness.app.inject({
      method: "PATCH",
      url: `/api/v1/members/${boss.userId}`,
      cookies: admin,
      payload: { role: "member" },
    });
    expect(adminOnOwner.statusCode).toBe(403);
    expect((await invite(admin, email(), "owner")).statusCode).toBe(403);
  });

  it("changes a role and removes a member, whose access ends at once", async () => {
    const boss = await owner();
    const memberEmail = email();
    await invite(boss.cookies, memberEmail);
    const accepted = await accept(await tokenSentTo(memberEmail), { name: "Member", password });
    const member = cookieOf(accepted);
    const memberId = accepted.json().user.id;
    expect((await invite(member, email())).statusCode).toBe(403);

    const promoted = await harness.app.inject({
      method: "PATCH",
      url: `/api/v1/members/${memberId}`,
      cookies: boss.cookies,
      payload: { role: "admin" },
    });
    expect(promoted.json()).toMatchObject({ userId: memberId, role: "admin" });
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/me", cookies: member })).json().role)
      .toBe("admin");

    const removed = await harness.app.inject({
      method: "DELETE",
      url: `/api/v1/members/${memberId}`,
      cookies: boss.cookies,
    });
    expect(removed.statusCode).toBe(204);
    await expect
      .poll(async () => (await harness.app.inject({ url: "/api/v1/me", cookies: member })).statusCode)
      .toBe(401);
  });
});
