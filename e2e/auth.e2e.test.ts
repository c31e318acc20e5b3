import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedRefusal, openPage } from "./support/browser.ts";
import { startBrowserFixture } from "./support/runtime.ts";
import { type Credentials, submitSignIn } from "./support/sign-in.ts";

let fixture: Awaited<ReturnType<typeof startBrowserFixture>>;
let browser: Browser;
let baseUrl: string;
let demo: Credentials;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  ({ browser, baseUrl, demo } = fixture);
});

afterAll(() => fixture?.close());

describe("authentication", () => {
  it("signs up, signs out, shows a wrong password inline and signs back in", async () => {
    const account = {
      name: "Ada Example",
      email: `ada-${randomUUID()}@example.test`,
      password: "correct horse battery",
      organizationName: `Ada's Bakery ${randomUUID().slice(0, 8)}`,
    };
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-up`);
    await expect.poll(() => page.getByText("At least 10 characters").count()).toBe(1);

    await page.getByLabel("Your name", { exact: true }).fill(account.name);
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    const password = page.getByLabel("Password", { exact: true });
    await password.fill("short");
    await page.getByLabel("Organisation name", { exact: true }).fill(account.organizationName);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
    const fieldError = page.locator(`[id="${describedBy.split(" ").at(-1)}"]`);
    expect(await fieldError.textContent()).toBe("must be at least 10 characters");
    expect(await page.getByRole("alert").textContent()).not.toBe("");
    const rejectedShortPassword = consoleErrors.splice(0);
    const badRequest = expectedRefusal(baseUrl, 400, "POST", "/api/v1/auth/sign-up");
    expect(rejectedShortPassword.length).toBeGreaterThan(0);
    for (const entry of rejectedShortPassword) expect(entry).toMatch(badRequest);

    await password.fill(account.password);
    await password.press("Enter");

    await expect.poll(() => page.url()).toBe(`${baseUrl}/`);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await page.getByText(account.organizationName, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText(account.name, { exact: true }).count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/sign-in`);

    await submitSignIn(page, { email: account.email, password: "not the password" });
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toBe("The email or password is incorrect.");
    expect(await page.getByRole("button", { name: "Sign in" }).isEnabled()).toBe(true);

    await submitSignIn(page, account);
    await expect.poll(() => page.url()).toBe(`${baseUrl}/`);
    await page.getByText(account.organizationName, { exact: true }).first().waitFor();
    await page.waitForLoadState("networkidle");

    // The wrong password is refused with a 401, which the browser reports; nothing else may appear.
    const refusal = expectedRefusal(baseUrl, 401, "POST", "/api/v1/auth/sign-in/email");
    expect(consoleErrors.length).toBeGreaterThan(0);
    for (const entry of consoleErrors) expect(entry).toMatch(refusal);
  });

  it("sends a signed-out visit to sign-in, then back to the page asked for", async () => {
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/contacts`);
    await expect.poll(() => page.url()).toBe(`${baseUrl}/sign-in?redirect=%2Fcontacts`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();

    // Finding out nobody is signed in is a 401 from /api/v1/me, which the browser reports; nothing else may appear.
    const refusal = expectedRefusal(baseUrl, 401, "GET", "/api/v1/me");
    expect(consoleErrors.length).toBeGreaterThan(0);
    for (const entry of consoleErrors) expect(entry).toMatch(refusal);
    const expectedCount = consoleErrors.length;

    await submitSignIn(page, demo);
    await expect.poll(() => page.url()).toBe(`${baseUrl}/contacts`);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(consoleErrors).toHaveLength(expectedCount);
  });
});
