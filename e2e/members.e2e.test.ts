import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./support/browser.ts";
import { startBrowserFixture } from "./support/runtime.ts";
import { openSignedIn, signUpThroughUi } from "./support/sign-in.ts";

let fixture: Awaited<ReturnType<typeof startBrowserFixture>>;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  ({ browser, baseUrl } = fixture);
});

afterAll(() => fixture?.close());

/** The text of the member table's row for `email`, once it shows. */
async function memberRow(page: Page, email: string) {
  const row = page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: email });
  await row.waitFor();
  return row;
}

describe("members and invitations", () => {
  it("invites a new member by email, who accepts and joins the owner's organisation", async () => {
    const owner = {
      name: "Olive Owner",
      email: `olive-${randomUUID()}@example.test`,
      password: "correct horse battery",
      organizationName: `Olive's Shop ${randomUUID().slice(0, 8)}`,
    };
    const invitee = {
      name: "Ivan Invitee",
      email: `ivan-${randomUUID()}@example.test`,
      password: "another long secret",
    };

    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-up`);
    await signUpThroughUi(page, baseUrl, owner);

    await page.goto(`${baseUrl}/settings`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Members", exact: true }).waitFor();
    await memberRow(page, owner.email);
    await page.getByText("No invitations sent yet.").waitFor();

    await page.getByLabel("Email to invite").fill(invitee.email);
    await page.getByLabel("Role", { exact: true }).selectOption("member");
    await page.getByRole("button", { name: "Send invitation" }).click();
    const invitation = page
      .getByRole("table", { name: "Invitations" })
      .getByRole("row")
      .filter({ hasText: invitee.email });
    await invitation.waitFor();
    await expect.poll(() => invitation.getByTestId("invitation-status").textContent()).toBe("Pending");
    await page.waitForLoadState("networkidle");

    await page.goto(`${baseUrl}/sandbox/mailbox/`, { waitUntil: "networkidle" });
    const message = page.getByRole("listitem").filter({ hasText: invitee.email }).getByRole("link");
    expect(await message.textContent()).toMatch(/^You are invited/);
    await message.click();
    await page.waitForLoadState("networkidle");
    await page.getByRole("link", { name: /\/accept-invitation\?token=/ }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe("/accept-invitation");
    await page.getByText(`Join ${owner.organizationName} as Member`).waitFor();
    expect(await page.getByText(invitee.email).count()).toBe(1);
    expect(await page.getByText("At least 10 characters").count()).toBe(1);
    await page.getByLabel("Your name", { exact: true }).fill(invitee.name);
    await page.getByLabel("Password", { exact: true }).fill(invitee.password);
    await page.getByRole("button", { name: "Join" }).click();

    await expect.poll(() => page.url()).toBe(`${baseUrl}/`);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await page.getByTestId("shell-person").textContent()).toBe(invitee.name);

    await page.goto(`${baseUrl}/settings`, { waitUntil: "networkidle" });
    await memberRow(page, owner.email);
    const joined = await memberRow(page, invitee.email);
    expect(await joined.getByTestId("member-role").textContent()).toBe("Member");
    // A member may not manage others, so neither the invitations nor the role controls show.
    expect(await page.getByRole("heading", { name: "Invitations" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);

    const again = await openSignedIn(browser, baseUrl, owner, "/settings");
    await memberRow(again.page, owner.email);
    const asSeenByOwner = await memberRow(again.page, invitee.email);
    expect(await asSeenByOwner.getByRole("combobox", { name: `Role of ${invitee.name}` }).inputValue()).toBe(
      "member",
    );
    const accepted = again.page
      .getByRole("table", { name: "Invitations" })
      .getByRole("row")
      .filter({ hasText: invitee.email });
    await expect.poll(() => accepted.getByTestId("invitation-status").textContent()).toBe("Accepted");
    expect(again.consoleErrors).toEqual([]);
  });
});
