import { randomInt, randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./support/browser.ts";
import { type BrowserFixture, startBrowserFixture } from "./support/runtime.ts";
import { type Credentials, openSignedIn } from "./support/sign-in.ts";

let fixture: Awaited<ReturnType<typeof startBrowserFixture>>;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  ({ browser, baseUrl } = fixture);
});

afterAll(() => fixture?.close());

// Webhooks, jobs and the realtime socket all sit between a click and what another page shows.
const live = { timeout: 20_000 };

/** The text of the first email to `to` in the dev mailbox, once it has been sent. */
async function mailTo(to: string): Promise<string> {
  let body = "";
  await expect
    .poll(async () => {
      const inbox = await (await fetch(`${baseUrl}/sandbox/mailbox/`)).text();
      const id = inbox.match(
        new RegExp(`<a href="([0-9a-f-]{36})">[^<]*</a> — to ${to.replaceAll(".", "\\.")}`),
      )?.[1];
      if (!id) return false;
      body = await (await fetch(`${baseUrl}/sandbox/mailbox/${id}`)).text();
      return true;
    }, live)
    .toBe(true);
  return body;
}

/** A second member of the demo organisation, invited with the demo API key and joined through the API. */
async function addMember(demo: BrowserFixture["demo"]): Promise<Credentials & { name: string }> {
  const member = {
    name: "Sam Second",
    email: `sam-${randomUUID()}@example.test`,
    password: "another long secret",
  };
  const invited = await fetch(`${baseUrl}/api/v1/invitations`, {
    method: "POST",
    headers: { authorization: `Bearer ${demo.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ email: member.email, role: "member" }),
  });
  expect(invited.status).toBe(201);
  const token = (await mailTo(member.email)).match(/accept-invitation\?token=([^\s"<&]+)/)?.[1];
  expect(token).toBeTruthy();
  const accepted = await fetch(`${baseUrl}/api/v1/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, name: member.name, password: member.password }),
  });
  expect(accepted.ok).toBe(true);
  return member;
}

const conversationRow = (page: Page, name: string) =>
  page.getByTestId("conversation-row").filter({ hasText: name });

describe("WhatsApp inbox", () => {
  it("shows a customer's message live to two agents, who assign, reply and see it read", async () => {
    const { demo } = fixture;
    const second = await addMember(demo);
    const agentOne = await openSignedIn(browser, baseUrl, demo, "/inbox");
    const agentTwo = await openSignedIn(browser, baseUrl, second, "/inbox");
    for (const agent of [agentOne, agentTwo]) {
      await agent.page.getByRole("list", { name: "Conversations" }).waitFor(live);
    }

    // The customer writes from the sandbox's simulated phone, in a browser page of their own.
    const customerName = `Zoé Client ${randomUUID().slice(0, 6)}`;
    const customerPhone = `+3367${randomInt(1_000_000, 9_999_999)}`;
    const customer = await openPage(browser, `${baseUrl}/sandbox/whatsapp/customer`);
    await expect.poll(() => customer.page.getByTestId("customer-number").inputValue(), live).not.toBe("");
    await customer.page.getByTestId("customer-phone").fill(customerPhone);
    await customer.page.getByTestId("customer-name").fill(customerName);
    await customer.page.getByTestId("customer-input").fill("Bonjour, avez-vous la robe en 38 ?");
    await customer.page.getByTestId("customer-send").click();

    // Both agents see the new conversation appear without reloading.
    for (const agent of [agentOne, agentTwo]) {
      const row = conversationRow(agent.page, customerName);
      await row.waitFor(live);
      await row.getByText("Bonjour, avez-vous la robe en 38 ?").waitFor(live);
      await row.getByTestId("conversation-unread").waitFor(live);
      expect(await row.getByTestId("window-countdown").textContent()).toMatch(/^2[34] h left$/);
    }

    // Opening it marks it read, and the fresh conversation's window is open.
    const one = agentOne.page;
    await conversationRow(one, customerName).click();
    await one.getByTestId("chat-contact-name").filter({ hasText: customerName }).waitFor(live);
    await one
      .getByRole("list", { name: "Messages" })
      .getByText("Bonjour, avez-vous la robe en 38 ?")
      .waitFor();
    await expect
      .poll(
        () => conversationRow(agentTwo.page, customerName).getByTestId("conversation-unread").count(),
        live,
      )
      .toBe(0);
    expect(await one.getByTestId("window-closed").count()).toBe(0);
    expect(await one.getByText("Choose a template").count()).toBe(0);

    // Agent one takes it; agent two sees the assignee change live.
    const picker = one.getByLabel("Assignee");
    const myId = await picker.locator("option", { hasText: "(you)" }).getAttribute("value");
    expect(myId).toMatch(/^[0-9a-f-]{36}$/);
    await picker.selectOption(myId ?? "");
    await expect.poll(() => picker.inputValue(), live).toBe(myId);
    await conversationRow(agentTwo.page, customerName).getByTestId("conversation-assignee").waitFor(live);
    await conversationRow(one, customerName).getByTestId("conversation-assignee").waitFor(live);

    // The reply goes out with Enter and reaches the customer's phone.
    const reply = "Oui, nous l'avons en 38. Je vous la réserve ?";
    const replyBox = one.getByLabel(`Reply to ${customerName}`);
    await replyBox.fill(reply);
    await replyBox.press("Enter");
    expect(await replyBox.inputValue()).toBe("");
    const sent = one.getByTestId("message").filter({ hasText: reply });
    await sent.waitFor(live);
    expect(await sent.getAttribute("data-direction")).toBe("outbound");
    await customer.page
      .getByTestId("customer-transcript")
      .locator('[data-testid="customer-message"][data-direction="out"]', { hasText: reply })
      .waitFor(live);

    // The customer's page is on screen, so WhatsApp reports the reply read: the ticks turn blue.
    await expect
      .poll(() => sent.getByTestId("delivery-status").getAttribute("data-status"), live)
      .toBe("read");
    expect(await sent.getByRole("img", { name: "Read" }).count()).toBe(1);
    await conversationRow(agentTwo.page, customerName).getByText(reply).waitFor(live);

    // Agent two works from the keyboard: ? lists the keys, j opens a conversation, r goes to the reply box.
    const two = agentTwo.page;
    await two.keyboard.press("?");
    const help = two.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.getByText("Next conversation").waitFor();
    await two.keyboard.press("Escape");
    await expect.poll(() => help.isVisible()).toBe(false);
    await two.keyboard.press("j");
    await two.getByTestId("chat-contact-name").waitFor(live);
    expect(new URL(two.url()).pathname).toMatch(/^\/inbox\/[0-9a-f-]{36}$/);
    await two.keyboard.press("r");
    await expect.poll(() => two.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");

    expect(agentOne.consoleErrors).toEqual([]);
    expect(agentTwo.consoleErrors).toEqual([]);
    expect(customer.consoleErrors).toEqual([]);
  });
});
