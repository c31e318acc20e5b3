import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedRefusal, openPage } from "./support/browser.ts";
import { startBrowserFixture } from "./support/runtime.ts";
import { signUpThroughUi } from "./support/sign-in.ts";

let fixture: Awaited<ReturnType<typeof startBrowserFixture>>;
let browser: Browser;
let baseUrl: string;
let folder: string;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  ({ browser, baseUrl } = fixture);
  folder = await mkdtemp(path.join(tmpdir(), "sbos-import-e2e-"));
});

afterAll(async () => {
  await fixture?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

// Jobs, searches and downloads wait on a server that may share the machine with other work.
const settled = { timeout: 20_000 };

const arabicName = "ليلى حداد";
const chineseName = "王小明";
const japaneseName = "佐藤 花子";

// Semicolons, a quoted newline, scripts beyond Latin, and one phone that is no phone at all.
const csv = [
  "Name;Email;Phone;Lifecycle stage;Tags;Address",
  `${arabicName};layla@example.test;+966 50 123 4567;customer;VIP;"12 King Fahd Road\nRiyadh"`,
  `${chineseName};wang@example.test;+86 139 1234 5678;customer;VIP, Trade fair;Beijing`,
  "Søren Kierkegaard;soren@example.test;+45 20 12 34 56;lead;;Copenhagen",
  "Bad Phone;bad@example.test;12345;lead;;Nowhere",
  `${japaneseName};hanako@example.test;+81 90-1234-5678;customer;VIP;Tokyo`,
].join("\r\n");

/** The body of a same-origin GET made by the page itself, so it carries the session cookie. */
async function fetchText(page: Page, href: string): Promise<{ status: number; text: string }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, text: await response.text() };
  }, href);
}

async function countText(page: Page): Promise<string | null> {
  return page.getByTestId("contacts-count").textContent();
}

async function listedNames(page: Page): Promise<string[]> {
  return page.locator("tbody tr[data-index] td:nth-child(2)").allTextContents();
}

describe("contact import, segment, export and bulk actions", () => {
  it("imports a CSV with a bad row, reports it, then filters, saves, exports and tags the result", async () => {
    const owner = {
      name: "Ines Importer",
      email: `ines-${randomUUID()}@example.test`,
      password: "correct horse battery",
      organizationName: `Ines Imports ${randomUUID().slice(0, 8)}`,
    };
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-up`);
    // Every event the realtime socket delivers, to show the progress really came over it. The
    // socket opens with the signed-in shell (its inbox badge listens), so listen before signing up.
    const events: { type: string; data: Record<string, unknown> }[] = [];
    page.on("websocket", (socket) => {
      if (!socket.url().endsWith("/api/v1/realtime")) return;
      socket.on("framereceived", ({ payload }) => {
        try {
          events.push(JSON.parse(String(payload)));
        } catch {
          // Not JSON: not one of ours.
        }
      });
    });

    await signUpThroughUi(page, baseUrl, owner);

    await page.getByRole("link", { name: "Contacts" }).first().click();
    await page.getByRole("heading", { name: "Contacts", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByRole("heading", { name: "Import contacts", level: 1 }).waitFor();
    await page.getByText("No imports yet.").waitFor();

    const file = path.join(folder, "people.csv");
    await writeFile(file, csv, "utf8");
    await page.getByLabel("Choose a CSV file").setInputFiles(file);

    // Step 2: every column guessed from its header; the address is left out.
    await page.getByRole("heading", { name: "Match the columns" }).waitFor(settled);
    expect(await page.getByText("people.csv: 5 rows.").count()).toBe(1);
    const guessed = Object.fromEntries(
      await Promise.all(
        ["Name", "Email", "Phone", "Lifecycle stage", "Tags", "Address"].map(
          async (column) => [column, await page.getByLabel(column, { exact: true }).inputValue()] as const,
        ),
      ),
    );
    expect(guessed).toEqual({
      Name: "name",
      Email: "email",
      Phone: "phone",
      "Lifecycle stage": "lifecycleStage",
      Tags: "tags",
      Address: "ignore",
    });
    // The quoted newline stayed inside its cell, and the scripts came through intact.
    const preview = page.getByRole("table", { name: "The first 5 rows of the file" });
    expect(await preview.getByRole("row").count()).toBe(6);
    expect(await preview.textContent()).toContain(arabicName);
    expect(await preview.textContent()).toContain(japaneseName);
    expect(await preview.getByRole("cell", { name: "12 King Fahd Road Riyadh" }).count()).toBe(1);
    expect(await page.getByLabel("Update them").isChecked()).toBe(true);

    await page.getByRole("button", { name: "Check (dry run)" }).click();
    const dryRun = page.getByTestId("dry-run-result");
    await dryRun.waitFor(settled);
    const figure = async (label: string) =>
      dryRun.locator("dl > div").filter({ hasText: label }).locator("dd").textContent();
    expect(await figure("Would create")).toBe("4");
    expect(await figure("Would fail")).toBe("1");
    const failures = await dryRun
      .getByRole("list", { name: "Rows that would fail" })
      .getByRole("listitem")
      .allTextContents();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^Row 4: .*phone/i);
    // A dry run saves nothing.
    expect(await fetchText(page, "/api/v1/contacts/count")).toEqual({ status: 200, text: '{"count":0}' });

    // Step 3: the job runs in the background and the bar follows it to the end.
    await page.getByRole("button", { name: "Start import" }).click();
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await bar.waitFor(settled);
    await expect.poll(() => bar.getAttribute("aria-valuenow"), settled).toBe("100");
    await page.getByRole("heading", { name: "Import finished" }).waitFor(settled);
    const summary = page.getByTestId("import-summary");
    const counted = async (label: string) =>
      summary.locator("dl > div").filter({ hasText: label }).locator("dd").textContent();
    expect(await counted("Created")).toBe("4");
    expect(await counted("Updated")).toBe("0");
    expect(await counted("Failed")).toBe("1");
    expect(await bar.getAttribute("aria-valuetext")).toBe("5 of 5 rows");
    expect(new URL(page.url()).searchParams.get("id")).toMatch(/^[0-9a-f-]{36}$/);
    const progress = events.filter((event) => event.type === "crm.import.progress");
    expect(progress.at(-1)?.data).toMatchObject({
      processed: 5,
      total: 5,
      created: 4,
      failed: 1,
      status: "completed",
    });

    // The error report holds the bad row as it was in the file, with its reason.
    const reportLink = page.getByRole("link", { name: /^Download error report/ });
    const report = await fetchText(page, (await reportLink.getAttribute("href")) ?? "");
    expect(report.status).toBe(200);
    const reportLines = report.text
      .replace(/^\ufeff/, "")
      .trim()
      .split(/\r?\n/);
    expect(reportLines[0]).toBe("Name;Email;Phone;Lifecycle stage;Tags;Address;row;error");
    expect(reportLines).toHaveLength(2);
    expect(reportLines[1]).toMatch(/^Bad Phone;bad@example\.test;12345;lead;;Nowhere;4;.*phone/i);
    // The history lists the finished import.
    await page.getByRole("heading", { name: "Earlier imports" }).waitFor();
    expect(await page.getByRole("link", { name: "people.csv", exact: true }).count()).toBe(1);

    await page.getByRole("link", { name: "View contacts" }).click();
    await page.getByRole("heading", { name: "Contacts", level: 1 }).waitFor();
    await expect.poll(() => countText(page), settled).toBe("4 contacts");
    const arabicRow = page.getByRole("row").filter({ hasText: arabicName });
    expect(await arabicRow.textContent()).toContain("+966501234567");
    expect(await arabicRow.textContent()).toContain("VIP");

    // Filter on the stage from the file, then keep it as a segment.
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("button", { name: "Add condition" }).click();
    await page.getByLabel("Field of condition 1").selectOption("lifecycleStage");
    await page.getByLabel("Operator of condition 1").selectOption("eq");
    await page.getByLabel("Value of condition 1").selectOption("customer");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => countText(page), settled).toBe("3 contacts");
    await page.getByLabel("Save these filters as a segment").fill("Imported customers");
    await page.getByRole("button", { name: "Save segment" }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("segment"), settled)
      .toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => countText(page), settled).toBe("3 contacts");
    const segmentId = new URL(page.url()).searchParams.get("segment");

    // Export this view as CSV: the browser downloads exactly the segment's contacts.
    await page.getByRole("button", { name: "Export" }).click();
    const csvLink = page.getByRole("link", { name: "CSV (.csv)" });
    const href = (await csvLink.getAttribute("href")) ?? "";
    const exportParams = new URL(href, baseUrl).searchParams;
    expect(exportParams.get("format")).toBe("csv");
    expect(exportParams.get("segmentId")).toBe(segmentId);
    expect(exportParams.get("columns")).toBe("name,email,phone,company,lifecycleStage,tags,createdAt");
    const [download] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^contacts-.*\.csv$/);
    const exported = (await readFile((await download.path()) ?? "", "utf8")).replace(/^\ufeff/, "");
    const exportedLines = exported.trim().split(/\r?\n/);
    expect(exportedLines[0]).toBe("name,email,phone,company,lifecycleStage,tags,createdAt");
    expect(exportedLines).toHaveLength(4);
    for (const name of [arabicName, chineseName, japaneseName]) expect(exported).toContain(name);
    expect(exported).not.toContain("Søren");
    expect(exportedLines.find((line) => line.startsWith(arabicName))).toContain(
      "+966501234567,,customer,VIP,",
    );

    // Bulk: one row ticked, then widened to every matching contact, which runs as a job.
    await page.getByRole("checkbox", { name: `Select ${chineseName}` }).check();
    const bulkBar = page.getByRole("region", { name: "Selected contacts" });
    await bulkBar.getByText("1 selected").waitFor();
    await bulkBar.getByRole("button", { name: "Select all 3 matching" }).click();
    await bulkBar.getByText("All 3 matching contacts are selected").waitFor();
    await bulkBar.getByRole("button", { name: "Add tag" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a tag to all 3 matching contacts" });
    await dialog.getByLabel("Tag", { exact: true }).fill("Spring campaign");
    await dialog.getByRole("button", { name: "Add tag" }).click();
    await page.getByRole("status").getByText("Tagged 3 contacts.").waitFor(settled);
    expect(await dialog.isVisible()).toBe(false);
    await expect
      .poll(
        async () => (await page.getByRole("row").filter({ hasText: "Spring campaign" }).count()) === 3,
        settled,
      )
      .toBe(true);
    expect(
      events.some((event) => event.type === "crm.bulk.progress" && event.data.status === "completed"),
    ).toBe(true);

    // And the listed-ids path: one contact moved to another stage leaves the segment.
    await page.getByRole("checkbox", { name: `Select ${japaneseName}` }).check();
    await bulkBar.getByRole("button", { name: "Change stage" }).click();
    const stageDialog = page.getByRole("dialog", { name: "Change the stage of 1 contact" });
    await stageDialog.getByLabel("Lifecycle stage").selectOption("churned");
    await stageDialog.getByRole("button", { name: "Change stage" }).click();
    await page.getByRole("status").getByText("Moved 1 contact.").waitFor(settled);
    await expect.poll(() => countText(page), settled).toBe("2 contacts");
    await expect
      .poll(async () => (await listedNames(page)).sort(), settled)
      .toEqual([chineseName, arabicName].sort());

    expect(consoleErrors).toEqual([]);
  });
  it("refuses a binary file, merges a duplicate and erases a contact", async () => {
    const owner = {
      name: "Grace Owner",
      email: `grace-${randomUUID()}@example.test`,
      password: "correct horse battery",
      organizationName: `Grace Labs ${randomUUID().slice(0, 8)}`,
    };
    const { page, consoleErrors } = await openPage(browser, `${baseUrl}/sign-up`);
    await signUpThroughUi(page, baseUrl, owner);

    // A binary file is refused with the server's reason, and nothing is stored.
    await page.goto(`${baseUrl}/contacts/import`, { waitUntil: "networkidle" });
    const binary = path.join(folder, "photo.csv");
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00]));
    await page.getByLabel("Choose a CSV file").setInputFiles(binary);
    await page
      .getByRole("alert")
      .getByText("The file was not accepted: The file is not a text CSV file", { exact: false })
      .waitFor(settled);
    expect(await page.getByText("No imports yet.").count()).toBe(1);

    await page.goto(`${baseUrl}/contacts`, { waitUntil: "networkidle" });
    for (const name of ["Grace Hopper", "Grace B. Hopper"]) {
      await page.getByRole("button", { name: "New contact" }).first().click();
      const dialog = page.getByRole("dialog", { name: "New contact" });
      await dialog.getByLabel("Name", { exact: true }).fill(name);
      await dialog.getByLabel("Email", { exact: true }).fill("grace@example.test");
      await dialog.getByLabel("Phone", { exact: true }).fill("+1 202 555 0143");
      await dialog.getByRole("button", { name: "Create contact" }).click();
      await page.getByRole("status").getByText(`${name} was added.`).waitFor(settled);
    }
    await expect.poll(() => countText(page), settled).toBe("2 contacts");

    await page.getByRole("link", { name: "Grace Hopper", exact: true }).click();
    await page.getByRole("heading", { name: "Grace Hopper", level: 1 }).waitFor();
    const duplicates = page.getByRole("region", { name: "Possible duplicate" });
    await duplicates.waitFor(settled);
    expect(
      await duplicates.getByRole("list", { name: "Why" }).getByRole("listitem").allTextContents(),
    ).toEqual(expect.arrayContaining(["Same phone", "Same email"]));
    await duplicates.getByRole("button", { name: "Merge Grace B. Hopper into this contact" }).click();
    const mergeDialog = page.getByRole("dialog", { name: "Merge contacts?" });
    expect(await mergeDialog.textContent()).toContain("Grace B. Hopper will be merged into Grace Hopper");
    await mergeDialog.getByRole("button", { name: "Merge", exact: true }).click();
    await expect.poll(() => duplicates.count(), settled).toBe(0);
    expect(await fetchText(page, "/api/v1/contacts/count")).toEqual({ status: 200, text: '{"count":1}' });

    // GDPR: a copy of everything held, then erasure once the word is typed.
    const contactId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const dataLink = page.getByRole("link", { name: "Download personal data (JSON)" });
    expect(await dataLink.getAttribute("href")).toBe(`/api/v1/contacts/${contactId}/export`);
    const personal = await fetchText(page, (await dataLink.getAttribute("href")) ?? "");
    expect(personal.status).toBe(200);
    expect(JSON.parse(personal.text).contact).toMatchObject({ id: contactId, name: "Grace Hopper" });

    await page.getByRole("button", { name: "Erase this contact" }).click();
    const eraseDialog = page.getByRole("dialog", { name: "Erase Grace Hopper?" });
    const eraseButton = eraseDialog.getByRole("button", { name: "Erase for good" });
    expect(await eraseButton.isDisabled()).toBe(true);
    await eraseDialog.getByLabel("Type ERASE to confirm").fill("ERASE");
    await eraseButton.click();
    await page.waitForURL(`${baseUrl}/contacts`, settled);
    await page.getByText("No contacts yet").waitFor(settled);
    expect((await fetchText(page, `/api/v1/contacts/${contactId}`)).status).toBe(404);

    const refusals = [
      expectedRefusal(baseUrl, 400, "POST", "/api/v1/imports?fileName=photo.csv"),
      expectedRefusal(baseUrl, 404, "GET", `/api/v1/contacts/${contactId}`),
    ];
    expect(consoleErrors.filter((line) => !refusals.some((refusal) => refusal.test(line)))).toEqual([]);
    expect(consoleErrors.length).toBeGreaterThan(0);
  });
});
