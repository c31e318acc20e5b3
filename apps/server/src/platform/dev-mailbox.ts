import { defineStandIn, type StandIn } from "@sbos/sandbox";
import type { Db } from "./db/client.ts";
import { findDevMail, listDevMail } from "./mail.ts";

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** Escaped text with its http(s) links made clickable, so invitation and reset links can be followed. */
const linkify = (text: string) =>
  escapeHtml(text).replaceAll(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
li{margin:.5rem 0}pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem;border-radius:.5rem}</style>
</head><body>${body}</body></html>`;

/** The dev mailbox, shown in the sandbox: every email the product sent while no SMTP server is set. */
export function devMailboxStandIn(db: Db): StandIn {
  return defineStandIn({
    name: "mailbox",
    title: "Dev mailbox",
    description: "Email sent without SMTP_URL: invitations, password resets",
    routes: async (app) => {
      app.get("/", { schema: { hide: true } }, async (_request, reply) => {
        const messages = await listDevMail(db);
        const items = messages.map(
          (message) =>
            `<li><a href="${message.id}">${escapeHtml(message.subject)}</a> — to ${escapeHtml(message.to)}, ${message.createdAt.toISOString()}</li>`,
        );
        const body = items.length > 0 ? `<ul>${items.join("")}</ul>` : "<p>No email yet.</p>";
        return reply.type("text/html").send(page("Dev mailbox", `<h1>Dev mailbox</h1>${body}`));
      });
      app.get<{ Params: { id: string } }>("/:id", { schema: { hide: true } }, async (request, reply) => {
        const message = /^[0-9a-f-]{36}$/.test(request.params.id)
          ? await findDevMail(db, request.params.id)
          : undefined;
        if (!message)
          return reply.code(404).type("text/html").send(page("Not found", "<p>No such email.</p>"));
        const body = `<p><a href="./">← Dev mailbox</a></p><h1>${escapeHtml(message.subject)}</h1>
<p>To: ${escapeHtml(message.to)}</p><pre>${linkify(message.text)}</pre>`;
        return reply.type("text/html").send(page(message.subject, body));
      });
    },
  });
}
