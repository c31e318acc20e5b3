import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's chromium; tests never download a browser build of their own. */
export const chromiumPath = "/usr/bin/chromium";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches the system Chromium headless, with its own background traffic switched off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export type OpenedPage = {
  page: Page;
  /** Console errors and warnings, uncaught page errors, failed requests and HTTP >= 400 answers. */
  consoleErrors: string[];
};

/**
 * Opens `url` in a fresh context and records everything a person would count as a fault,
 * so a test can assert the list is empty (or contains only what it expects).
 */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors: string[] = [];

  page.on("console", (message) => {
    const type = message.type();
    if (type !== "error" && type !== "warning") return;
    // The location names the resource behind "Failed to load resource", which the text leaves out.
    const source = message.location().url;
    consoleErrors.push(`console.${type}: ${message.text()}${source ? ` (${source})` : ""}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.stack ?? error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText;
    // Cancelled by the page itself (a navigation, or a query superseded while in flight: the inbox
    // badge keeps one fetch alive on every page), not refused or lost.
    if (reason === "net::ERR_ABORTED") return;
    consoleErrors.push(`requestfailed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      consoleErrors.push(`http ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });

  await page.goto(url, { waitUntil: "networkidle" });
  return { page, consoleErrors };
}

/** What `openPage` records for one refused request: the answer itself and Chromium's console line. */
export function expectedRefusal(baseUrl: string, status: number, method: string, path: string): RegExp {
  const url = `${baseUrl}${path}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^(http ${status}: ${method} ${url}|console\\.error: Failed to load resource: .*${status}.* \\(${url}\\))$`,
  );
}
