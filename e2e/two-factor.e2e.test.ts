import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
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

/** A code from the app `offsetSeconds` from now: each code is accepted once, so a second sign-in uses the next one. */
function codeFor(secret: string, offsetSeconds = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });
}

const owner = {
  name: "Tess Twofactor",
  email: `tess-${randomUUID()}@example.test`,
  password: "correct horse battery",
  organizationName: `Tess's Shop ${randomUUID().slice(0, 8)}`,
};

describe("two-factor authentication", () => {
  it("enrols with an authenticator app, shows recovery codes once, then asks for a code at sign-in", async () => {
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-up`);
    await signUpThroughUi(page, baseUrl, owner);

    await page.goto(`${baseUrl}/settings`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Two-factor authentication", exact: true }).waitFor();
    await page.getByRole("button", { name: "Set up", exact: true }).click();
    const qrCode = page.getByRole("img", { name: "QR code to add this account to an authenticator app" });
    await qrCode.waitFor();
    expect(await qrCode.getAttribute("src")).toMatch(/^data:image\/svg\+xml;utf8,/);
    expect(await qrCode.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    const secret = ((await page.getByTestId("two-factor-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);

    await page.getByLabel("Code from your app", { exact: true }).fill(codeFor(secret));
    await page.getByRole("button", { name: "Turn on", exact: true }).click();
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await expect.poll(() => codes.count()).toBe(10);
    await page.getByText("Store them now").waitFor();
    await page.getByText("Two-factor authentication is on.").waitFor();
    expect(await page.getByRole("button", { name: "Copy all", exact: true }).count()).toBe(1);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await page.waitForLoadState("networkidle");
    expect(consoleErrors).toEqual([]);

    await submitSignIn(page, { email: owner.email, password: owner.password });
    const codeField = page.getByLabel("Authentication code", { exact: true });
    await codeField.waitFor();
    expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code");
    await page.getByText("Or one of your recovery codes").waitFor();
    // The password step is answered 401 two_factor_required: exactly that refusal is expected, nothing else.
    const refused = consoleErrors.splice(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const entry of refused) {
      expect(entry).toMatch(expectedRefusal(baseUrl, 401, "POST", "/api/v1/auth/sign-in/email"));
    }

    await codeField.fill(codeFor(secret, 30));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getByTestId("shell-person").textContent()).toBe(owner.name);
    await page.waitForLoadState("networkidle");
    expect(consoleErrors).toEqual([]);
  });
});
