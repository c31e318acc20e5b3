import { randomInt, randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedRefusal } from "./support/browser.ts";
import { type BrowserFixture, startBrowserFixture } from "./support/runtime.ts";
import { openSignedIn } from "./support/sign-in.ts";

let fixture: BrowserFixture & { close(): Promise<void> };
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  ({ browser, baseUrl } = fixture);
});

afterAll(() => fixture?.close());

// Webhooks, jobs and the realtime socket all sit between a click and what the page shows.
const live = { timeout: 20_000 };

/** A customer writes to the demo number from the sandbox's simulated phone, by its API. */
async function customerWrites(waId: string, name: string, text: string): Promise<void> {
  const response = await fetch(`${baseUrl}/sandbox/whatsapp/customers/${waId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, text }),
  });
  expect(response.ok).toBe(true);
}

/** The demo owner's name as members see it, which a mention inserts. */
async function demoOwnerName(demo: BrowserFixture["demo"]): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/members`, {
    headers: { authorization: `Bearer ${demo.apiKey}` },
  });
  const members = (await response.json()) as { data: { email: string; name: string }[] };
  const owner = members.data.find((member) => member.email === demo.email);
  if (!owner) throw new Error("The demo owner is not a member");
  return owner.name;
}

describe("WhatsApp inbox: templates, canned replies and mentions", () => {
  it("sends a template through the picker, inserts a canned reply with /hello and mentions a member", async () => {
    const { demo } = fixture;
    const customerName = `Camille Client ${randomUUID().slice(0, 6)}`;
    await customerWrites(`3366${randomInt(1_000_000, 9_999_999)}`, customerName, "Where is my order?");
    const agent = await openSignedIn(browser, baseUrl, demo, "/inbox");
    const page = agent.page;

    // The inbox links to the canned replies, kept in the settings, where the demo has /hello already.
    await page.getByRole("link", { name: "Canned replies" }).click();
    const canned = page.getByRole("region", { name: "Canned replies" });
    await canned.getByTestId("canned-reply").filter({ hasText: "/hello" }).waitFor(live);
    const addForm = canned.getByRole("form", { name: "Add canned reply" });
    const shortcut = addForm.getByLabel("Shortcut");
    await shortcut.fill("/parcel");
    await addForm.getByLabel("Text").fill("Your parcel left today, {{contact.first_name}}.");
    await addForm.getByRole("button", { name: "Add canned reply" }).click();
    await canned.getByTestId("canned-reply").filter({ hasText: "/parcel" }).waitFor(live);
    await expect.poll(() => shortcut.inputValue(), live).toBe("");
    // A shortcut in use is the server's 409, and an unknown variable its 400: each beside its field.
    await shortcut.fill("hello");
    await addForm.getByLabel("Text").fill("Hi {{contact.first_name}}");
    await addForm.getByRole("button", { name: "Add canned reply" }).click();
    await expect.poll(() => shortcut.getAttribute("aria-invalid"), live).toBe("true");
    expect(await addForm.getByText("already used").count()).toBe(1);
    await shortcut.fill("hi");
    await addForm.getByLabel("Text").fill("Hi {{contact.nickname}}");
    await addForm.getByRole("button", { name: "Add canned reply" }).click();
    await expect.poll(() => addForm.getByLabel("Text").getAttribute("aria-invalid"), live).toBe("true");
    expect(await addForm.getByText("unknown variable contact.nickname").count()).toBe(1);
    expect(await shortcut.getAttribute("aria-invalid")).toBeNull();

    // The numbers are listed on the same page: the demo's sandbox number, rated by Meta.
    const numbers = page.getByRole("region", { name: "WhatsApp numbers" });
    const demoNumber = numbers.getByTestId("whatsapp-number");
    await demoNumber.getByTestId("sandbox-badge").waitFor(live);
    await expect
      .poll(() => demoNumber.getByTestId("quality-rating").getAttribute("data-rating"), live)
      .toBe("GREEN");
    await numbers.getByRole("button", { name: "Connect a number" }).click();
    expect(await numbers.getByTestId("webhook-url").textContent()).toBe(`${baseUrl}/webhooks/whatsapp`);

    // Back in the inbox, the customer's conversation is open and its window too.
    await page.goto(`${baseUrl}/inbox`, { waitUntil: "networkidle" });
    await page.getByTestId("conversation-row").filter({ hasText: customerName }).click();
    await page.getByTestId("chat-contact-name").filter({ hasText: customerName }).waitFor(live);
    expect(await page.getByTestId("window-closed").count()).toBe(0);
    const conversationId = new URL(page.url()).pathname.split("/").at(-1);

    // The picker opens from the composer; the demo number's templates were synced when it connected.
    await page.getByRole("button", { name: "Template", exact: true }).click();
    const picker = page.getByRole("dialog", { name: "Send a template" });
    const orderUpdate = picker.getByRole("radio", { name: /order_update/ });
    await orderUpdate.waitFor(live);
    expect(await picker.getByRole("radio", { name: /hello_world/ }).count()).toBe(1);
    await orderUpdate.check();

    // One value left out: the server's 400 names it, and it shows on its input.
    const form = picker.getByRole("form", { name: "Values for order_update" });
    await form.getByLabel("Image link").fill("https://shop.example.com/parcel.jpg");
    await form.getByLabel("Body {{1}}").fill("Camille");
    await form.getByLabel("End of the “Track your order” link").fill("1042");
    await form.getByRole("button", { name: "Send template" }).click();
    const second = form.getByLabel("Body {{2}}");
    await expect.poll(() => second.getAttribute("aria-invalid"), live).toBe("true");
    expect(await form.getByText("a value for {{2}} is required").count()).toBe(1);
    expect(await form.getByLabel("Body {{1}}").getAttribute("aria-invalid")).toBeNull();

    // Filled in, the preview reads as the customer will; sent, it turns delivered in the thread.
    await second.fill("#1042");
    const text = "Hi Camille, your order #1042 is on its way.";
    expect(await picker.getByTestId("template-preview").textContent()).toContain(text);
    await form.getByRole("button", { name: "Send template" }).click();
    await expect.poll(() => picker.isVisible(), live).toBe(false);
    const sent = page.getByTestId("message").filter({ hasText: text });
    await sent.waitFor(live);
    expect(await sent.getAttribute("data-direction")).toBe("outbound");
    await expect
      .poll(() => sent.getByTestId("delivery-status").getAttribute("data-status"), live)
      .toMatch(/^(delivered|read)$/);

    // "/hel" suggests the canned reply; Escape closes the list, typing on opens it, Enter inserts it.
    const replyBox = page.getByLabel(`Reply to ${customerName}`);
    const suggestions = page.getByRole("listbox", { name: "Canned replies" });
    await replyBox.pressSequentially("/hel");
    await suggestions.getByRole("option", { name: /\/hello/ }).waitFor(live);
    await replyBox.press("Escape");
    await expect.poll(() => suggestions.count()).toBe(0);
    await replyBox.pressSequentially("l");
    await suggestions.waitFor(live);
    await replyBox.press("Enter");
    const hello = "Hello Camille, thanks for your message! How can we help?";
    await expect.poll(() => replyBox.inputValue()).toBe(hello);
    await replyBox.press("Enter");
    await page.getByTestId("message").filter({ hasText: hello }).waitFor(live);

    // In a note, "@" suggests members; the one chosen is mentioned and highlighted in the note.
    const ownerName = await demoOwnerName(demo);
    await page.getByRole("button", { name: "Note", exact: true }).click();
    const noteBox = page.getByLabel("Internal note (only your team sees it)");
    await noteBox.pressSequentially(`@${ownerName.slice(0, 2)}`);
    await page
      .getByRole("listbox", { name: "Members" })
      .getByRole("option", { name: ownerName })
      .waitFor(live);
    await noteBox.press("Tab");
    await noteBox.pressSequentially("can you check the parcel?");
    expect(await noteBox.inputValue()).toBe(`@${ownerName} can you check the parcel?`);
    await noteBox.press("Enter");
    const note = page.locator('[data-testid="message"][data-kind="note"]', { hasText: "check the parcel" });
    await note.waitFor(live);
    expect(await note.getByTestId("mention").textContent()).toBe(`@${ownerName}`);

    expect(
      agent.consoleErrors.filter(
        (line) =>
          !expectedRefusal(baseUrl, 409, "POST", "/api/v1/canned-replies").test(line) &&
          !expectedRefusal(baseUrl, 400, "POST", "/api/v1/canned-replies").test(line) &&
          !expectedRefusal(baseUrl, 400, "POST", `/api/v1/conversations/${conversationId}/messages`).test(
            line,
          ),
      ),
    ).toEqual([]);
  });
});
