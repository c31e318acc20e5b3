import type { Browser, Page } from "playwright-core";
import { type OpenedPage, openPage } from "./browser.ts";

export type Credentials = { email: string; password: string };

/** Fills and submits the sign-in form of the page already open at `/sign-in`. */
export async function submitSignIn(page: Page, credentials: Credentials): Promise<void> {
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByLabel("Password").press("Enter");
}

/** Signs in through the UI and waits until the app shell shows, so later visits carry the session cookie. */
export async function signInThroughUi(page: Page, baseUrl: string, credentials: Credentials): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`, { waitUntil: "networkidle" });
  await submitSignIn(page, credentials);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  await page.waitForLoadState("networkidle");
}

/** Opens a fresh page, signs in through `/sign-in`, then visits `path` with the session. */
export async function openSignedIn(
  browser: Browser,
  baseUrl: string,
  credentials: Credentials,
  path: string,
): Promise<OpenedPage> {
  const opened = await openPage(browser, `${baseUrl}/sign-in`);
  await signInThroughUi(opened.page, baseUrl, credentials);
  await opened.page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
  return opened;
}

export type NewAccount = Credentials & { name: string; organizationName: string };

/** Fills and submits `/sign-up` (already open in `page`) and waits until the app shell shows. */
export async function signUpThroughUi(page: Page, baseUrl: string, account: NewAccount): Promise<void> {
  await page.getByLabel("Your name", { exact: true }).fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Organisation name", { exact: true }).fill(account.organizationName);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}
