import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./support/browser.ts";
import { startBrowserFixture } from "./support/runtime.ts";
import { signUpThroughUi } from "./support/sign-in.ts";

let fixture: Awaited<ReturnType<typeof startBrowserFixture>>;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  ({ browser, baseUrl } = fixture);
});

afterAll(() => fixture?.close());

const arabicName = "ليلى حداد";
// Searches wait for typing to pause, then ask the server: give a busy machine time to answer.
const settled = { timeout: 10_000 };

/** The names in the list's rows, top to bottom. */
async function listedNames(page: Page): Promise<string[]> {
  return page.locator("tbody tr[data-index] td:nth-child(2)").allTextContents();
}

async function countText(page: Page): Promise<string | null> {
  return page.getByTestId("contacts-count").textContent();
}

async function createContact(
  page: Page,
  contact: { name: string; email?: string; phone: string; company?: string; stage?: string },
) {
  await page.getByRole("button", { name: "New contact" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New contact" });
  await dialog.getByLabel("Name", { exact: true }).fill(contact.name);
  if (contact.email) await dialog.getByLabel("Email", { exact: true }).fill(contact.email);
  await dialog.getByLabel("Phone", { exact: true }).fill(contact.phone);
  if (contact.company) await dialog.getByLabel("Company", { exact: true }).fill(contact.company);
  if (contact.stage) await dialog.getByLabel("Lifecycle stage").selectOption(contact.stage);
  await dialog.getByRole("button", { name: "Create contact" }).click();
  await page.getByRole("status").getByText(`${contact.name} was added.`).waitFor();
  expect(await dialog.isVisible()).toBe(false);
}

describe("contacts", () => {
  it("creates, searches, sorts, filters, opens, edits and annotates contacts", async () => {
    const owner = {
      name: "Nadia Owner",
      email: `nadia-${randomUUID()}@example.test`,
      password: "correct horse battery",
      organizationName: `Nadia's Shop ${randomUUID().slice(0, 8)}`,
    };
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-up`);
    await signUpThroughUi(page, baseUrl, owner);

    // National numbers are read in the organisation's default country.
    await page.goto(`${baseUrl}/settings`, { waitUntil: "networkidle" });
    await page.getByLabel("Default phone country").selectOption("FR");
    await page.getByRole("button", { name: "Save country" }).click();
    await page.getByText("Default country saved.").waitFor();

    await page.getByRole("link", { name: "Contacts" }).first().click();
    await page.getByRole("heading", { name: "Contacts", level: 1 }).waitFor();
    await page.getByText("No contacts yet").waitFor();

    await createContact(page, {
      name: "Ada Lovelace",
      email: "ada@example.test",
      phone: "+44 20 7946 0018",
      company: "Analytical Engines",
      stage: "customer",
    });
    await createContact(page, { name: arabicName, phone: "06 12 34 56 78" });
    await expect.poll(() => countText(page), settled).toBe("2 contacts");
    const arabicRow = page.getByRole("row").filter({ hasText: arabicName });
    expect(await arabicRow.textContent()).toContain("+33612345678");
    expect(await page.getByRole("row").filter({ hasText: "Ada Lovelace" }).textContent()).toContain(
      "Analytical Engines",
    );

    // The phone's digits find the contact whichever way it was typed.
    await page.getByLabel("Search contacts").fill("612345678");
    await expect.poll(() => countText(page), settled).toBe("1 contact");
    await expect.poll(() => listedNames(page), settled).toEqual([arabicName]);
    expect(new URL(page.url()).searchParams.get("q")).toContain("612345678");
    await page.getByLabel("Search contacts").fill("");
    await expect.poll(() => countText(page), settled).toBe("2 contacts");

    const nameHeader = page.getByRole("columnheader", { name: "Name" });
    await nameHeader.getByRole("button").click();
    await expect.poll(() => nameHeader.getAttribute("aria-sort"), settled).toBe("ascending");
    await expect.poll(() => listedNames(page), settled).toEqual(["Ada Lovelace", arabicName]);
    await nameHeader.getByRole("button").click();
    await expect.poll(() => nameHeader.getAttribute("aria-sort"), settled).toBe("descending");
    await expect.poll(() => listedNames(page), settled).toEqual([arabicName, "Ada Lovelace"]);

    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("button", { name: "Add condition" }).click();
    await page.getByLabel("Field of condition 1").selectOption("lifecycleStage");
    await page.getByLabel("Operator of condition 1").selectOption("eq");
    await page.getByLabel("Value of condition 1").selectOption("lead");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => countText(page), settled).toBe("1 contact");
    await expect.poll(() => listedNames(page), settled).toEqual([arabicName]);
    const filter = JSON.parse(new URL(page.url()).searchParams.get("filter") ?? "null");
    expect(filter).toEqual({
      match: "all",
      conditions: [{ field: "lifecycleStage", operator: "eq", value: "lead" }],
    });

    // Saved as a segment, the filter becomes a view of its own that stays live.
    await page.getByLabel("Save these filters as a segment").fill("Leads");
    await page.getByRole("button", { name: "Save segment" }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("segment"), settled)
      .toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(page.url()).searchParams.get("filter")).toBeNull();
    expect(await page.getByLabel("Segment", { exact: true }).locator("option:checked").textContent()).toBe(
      "Leads",
    );
    await expect.poll(() => countText(page), settled).toBe("1 contact");
    await expect.poll(() => listedNames(page), settled).toEqual([arabicName]);

    // The list is one tab stop: focus it, and Enter opens the active row.
    await page.getByRole("grid", { name: "Contacts" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: arabicName, level: 1 }).waitFor();
    const contactId = new URL(page.url()).pathname.split("/").at(-1);
    expect(contactId).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole("button", { name: "Edit Source" }).click();
    await page.getByLabel("Source", { exact: true }).fill("Trade fair");
    await page.getByLabel("Source", { exact: true }).press("Enter");
    await page.getByRole("button", { name: "Edit Source" }).waitFor();
    expect(await page.getByRole("button", { name: "Edit Source" }).textContent()).toContain("Trade fair");

    await page.getByLabel("New note").fill("Called about **pricing** for the spring order.");
    await page.getByRole("button", { name: "Add note" }).click();
    const notes = page.getByRole("list", { name: "Notes" });
    await notes.getByText("pricing", { exact: true }).waitFor();
    expect(await notes.locator("strong").textContent()).toBe("pricing");
    expect(await page.getByLabel("New note").inputValue()).toBe("");

    // What was saved is what the server holds, not only what the page shows.
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.getByRole("button", { name: "Edit Source" }).textContent()).toContain("Trade fair");
    await page.getByRole("list", { name: "Notes" }).getByText("pricing", { exact: true }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it("shows a refused value beside the field and a refused filter beside its condition", async () => {
    const owner = {
      name: "Omar Owner",
      email: `omar-${randomUUID()}@example.test`,
      password: "correct horse battery",
      organizationName: `Omar's Shop ${randomUUID().slice(0, 8)}`,
    };
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-up`);
    await signUpThroughUi(page, baseUrl, owner);
    await page.goto(`${baseUrl}/contacts`, { waitUntil: "networkidle" });

    // Without a default country a national number cannot be read: the form says so beside the phone.
    await page.getByRole("button", { name: "New contact" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New contact" });
    await dialog.getByLabel("Name", { exact: true }).fill("Bo Lindqvist");
    await dialog.getByLabel("Phone", { exact: true }).fill("070 123 45 67");
    await dialog.getByRole("button", { name: "Create contact" }).click();
    const phone = dialog.getByLabel("Phone", { exact: true });
    await expect.poll(() => phone.getAttribute("aria-invalid"), settled).toBe("true");
    await dialog.getByLabel("Phone", { exact: true }).fill("+46 70 123 45 67");
    await dialog.getByRole("button", { name: "Create contact" }).click();
    await page.getByRole("status").getByText("Bo Lindqvist was added.").waitFor();

    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("button", { name: "Add condition" }).click();
    await page.getByLabel("Field of condition 1").selectOption("name");
    await page.getByLabel("Operator of condition 1").selectOption("contains");
    await page.getByRole("button", { name: "Apply filters" }).click();
    const value = page.getByLabel("Value of condition 1");
    await expect.poll(() => value.getAttribute("aria-invalid"), settled).toBe("true");
    const describedBy = await value.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/non-empty text/);

    await value.fill("Lind");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => countText(page), settled).toBe("1 contact");
    await expect.poll(() => listedNames(page), settled).toEqual(["Bo Lindqvist"]);

    // Each refusal was an answer the test asked for; nothing else went wrong.
    const refusals = consoleErrors.filter((line) =>
      /^(http 400: (GET|POST) |console\.error: Failed to load resource: .*400.*\()http:\/\/[^/]+\/api\/v1\/contacts/.test(
        line,
      ),
    );
    expect(refusals.length).toBeGreaterThan(0);
    expect(consoleErrors.filter((line) => !refusals.includes(line))).toEqual([]);
  });
});
