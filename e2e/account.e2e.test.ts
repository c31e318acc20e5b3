import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedRefusal, openPage } from "./support/browser.ts";
import { startBrowserFixture } from "./support/runtime.ts";
import { signUpThroughUi, submitSignIn } from "./support/sign-in.ts";

let fixture: Awaited<ReturnType<typeof startBrowserFixture>>;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  ({ browser, baseUrl } = fixture);
});

afterAll(() => fixture?.close());

const owner = {
  name: "Kim Keyholder",
  email: `kim-${randomUUID()}@example.test`,
  password: "correct horse battery",
  organizationName: `Kim's Studio ${randomUUID().slice(0, 8)}`,
};

describe("account settings and password reset", () => {
  it("creates an API key whose secret shows once, revokes it, and shows the audit log and sessions", async () => {
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-up`);
    await signUpThroughUi(page, baseUrl, owner);

    await page.goto(`${baseUrl}/settings`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "API keys", exact: true }).waitFor();
    await page.getByText("No API keys yet.").waitFor();

    const keyName = `Zapier ${randomUUID().slice(0, 8)}`;
    await page.getByLabel("Key name", { exact: true }).fill(keyName);
    await page.getByLabel("Key role", { exact: true }).selectOption("admin");
    await page.getByRole("button", { name: "Create key" }).click();
    const secretField = page.getByLabel(`Your new API key ${keyName}`);
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^sbos_/);
    expect(await secretField.getAttribute("readonly")).not.toBeNull();
    await page.getByText("you will not see it again").waitFor();
    expect(await page.getByRole("button", { name: "Copy", exact: true }).count()).toBe(1);

    const keyRow = page
      .getByRole("table", { name: "API keys" })
      .getByRole("row")
      .filter({ hasText: keyName });
    await keyRow.waitFor();
    expect(await keyRow.getByTestId("api-key-status").textContent()).toBe("Active");
    expect(await keyRow.textContent()).not.toContain(secret);

    await page.getByRole("button", { name: "Done", exact: true }).click();
    await expect.poll(() => secretField.count()).toBe(0);
    await page.reload({ waitUntil: "networkidle" });
    await keyRow.waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    expect(await page.locator(`input[value="${secret}"]`).count()).toBe(0);

    page.once("dialog", (dialog) => dialog.accept());
    await keyRow.getByRole("button", { name: `Revoke the key ${keyName}` }).click();
    await expect.poll(() => keyRow.getByTestId("api-key-status").textContent()).toBe("Revoked");

    const audit = page.getByRole("table", { name: "Audit log" });
    await audit.getByRole("row").filter({ hasText: "api_key.revoke" }).first().waitFor();
    await page.getByLabel("Filter by action", { exact: true }).fill("api_key.create");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect
      .poll(async () => audit.getByTestId("audit-action").allTextContents())
      .toEqual(["api_key.create"]);
    const exportLink = page.getByRole("link", { name: "Export CSV" });
    const exportHref = (await exportLink.getAttribute("href")) ?? "";
    expect(exportHref).toBe("/api/v1/audit-events/export?action=api_key.create");
    const csv = await page.request.get(`${baseUrl}${exportHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("api_key.create");

    const sessions = page.getByRole("table", { name: "Sessions" });
    const thisDevice = sessions.getByRole("row").filter({ hasText: "This device" });
    await expect.poll(() => thisDevice.count()).toBe(1);
    expect(await thisDevice.getByRole("button").count()).toBe(0);

    await page.waitForLoadState("networkidle");
    expect(consoleErrors).toEqual([]);
  });

  it("resets a forgotten password through the emailed link and signs in with the new one", async () => {
    const newPassword = "a brand new passphrase";
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-in`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/forgot-password");

    await page.getByLabel("Email", { exact: true }).fill(owner.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    const sent = page.getByRole("status");
    await sent.waitFor();
    expect(await sent.textContent()).not.toBe("");
    await page.waitForLoadState("networkidle");

    await page.goto(`${baseUrl}/sandbox/mailbox/`, { waitUntil: "networkidle" });
    const message = page
      .getByRole("listitem")
      .filter({ hasText: owner.email })
      .filter({ hasText: "Reset your Social Business OS password" })
      .first()
      .getByRole("link");
    await message.click();
    await page.waitForLoadState("networkidle");
    await page.getByRole("link", { name: /\/reset-password\?token=/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/reset-password");

    await expect.poll(() => page.getByText("At least 10 characters").count()).toBe(1);
    const password = page.getByLabel("New password", { exact: true });
    await password.fill("short");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    // The weak password is refused by the server: exactly that 400 is expected, nothing else.
    const refused = consoleErrors.splice(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const entry of refused) {
      expect(entry).toMatch(expectedRefusal(baseUrl, 400, "POST", "/api/v1/auth/password-reset/confirm"));
    }

    await password.fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.getByText("Your password has been changed.").waitFor();
    await page.getByRole("link", { name: "Go to sign in" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");

    await submitSignIn(page, { email: owner.email, password: newPassword });
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await page.getByTestId("shell-person").textContent()).toBe(owner.name);
    await page.waitForLoadState("networkidle");
    expect(consoleErrors).toEqual([]);
  });
});
