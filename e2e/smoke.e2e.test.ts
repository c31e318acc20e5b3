import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import { type Runtime, startRuntime } from "../apps/server/src/runtime.ts";
import { launchBrowser, openPage } from "./support/browser.ts";

let runtime: Runtime;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    SBOS_DATA_DIR: await mkdtemp(path.join(tmpdir(), "sbos-e2e-")),
  });
  runtime = await startRuntime(config, pino({ level: "silent" }), {
    http: true,
    worker: true,
    seedDemo: true,
  });
  baseUrl = runtime.url as string;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await runtime?.shutdown();
});

describe("web shell", () => {
  it("loads, reports the system healthy and navigates, with no console error", async () => {
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/`);
    await expect.poll(() => page.getByText("All systems operational").count()).toBe(1);

    await page.getByRole("link", { name: "Contacts" }).first().click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/contacts`);
    await expect.poll(() => page.getByRole("heading", { name: "Contacts" }).count()).toBeGreaterThan(0);
    expect(await page.getByText("Coming soon").count()).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/pipeline`, { waitUntil: "networkidle" });
    expect(await page.getByRole("link", { name: "Pipeline" }).first().getAttribute("aria-current")).toBe(
      "page",
    );
    expect(consoleErrors).toEqual([]);
  });

  it("lays the page out right to left for Arabic", async () => {
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/?lang=ar`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(consoleErrors).toEqual([]);
  });

  it("serves the API reference", async () => {
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/api/docs`);
    await expect.poll(() => page.getByText("Social Business OS API").count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
});
