import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./support/browser.ts";
import { startBrowserFixture } from "./support/runtime.ts";
import { type Credentials, openSignedIn } from "./support/sign-in.ts";

let fixture: Awaited<ReturnType<typeof startBrowserFixture>>;
let browser: Browser;
let baseUrl: string;
let demo: Credentials;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  ({ browser, baseUrl, demo } = fixture);
});

afterAll(() => fixture?.close());

describe("web shell", () => {
  it("loads, reports the system healthy and navigates, with no console error", async () => {
    const { page, consoleErrors } = await openSignedIn(browser, baseUrl, demo, "/");
    await expect.poll(() => page.getByText("All systems operational").count()).toBe(1);

    await page.getByRole("link", { name: "Contacts" }).first().click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/contacts`);
    await expect.poll(() => page.getByRole("heading", { name: "Contacts" }).count()).toBeGreaterThan(0);
    // The demo organisation's contacts are seeded.
    await expect.poll(() => page.getByText("Amélie Dupont").count()).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/pipeline`, { waitUntil: "networkidle" });
    expect(await page.getByRole("link", { name: "Pipeline" }).first().getAttribute("aria-current")).toBe(
      "page",
    );
    expect(await page.getByText("Coming soon").count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it("answers an unknown address with the not-found page", async () => {
    const { page, consoleErrors } = await openSignedIn(browser, baseUrl, demo, "/no-such-page");
    await expect.poll(() => page.getByRole("heading", { name: "Page not found" }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it("lays the page out right to left for Arabic", async () => {
    const { page, consoleErrors } = await openSignedIn(browser, baseUrl, demo, "/?lang=ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(consoleErrors).toEqual([]);
  });

  it("serves the API reference", async () => {
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/api/docs`);
    await expect.poll(() => page.getByText("Social Business OS API").count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
});
