import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readApiError } from "./errors.ts";
import { readSendResponse } from "./outbound-message.ts";
import { readWebhookEvents, type WebhookEvent } from "./webhook-events.ts";

/**
 * Real WhatsApp payloads written by others (origins and licences in /work/shared/fixtures/SOURCES.md),
 * read where they are and never copied into the project.
 */
const fixturesDir = "/work/shared/fixtures/whatsapp";
const present = existsSync(fixturesDir);
if (!present) {
  console.warn(
    `whatsapp fixtures-replay: SKIPPED, the third-party fixtures are absent (${fixturesDir} does not exist).`,
  );
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return jsonFilesUnder(full);
      return Promise.resolve(entry.name.endsWith(".json") ? [full] : []);
    }),
  );
  return nested.flat().sort();
}

type Expectation = (events: WebhookEvent[], raw: unknown) => void;

function message(type: string, check: (content: Record<string, unknown>) => void = () => {}): Expectation {
  return (events) => {
    expect(events).toHaveLength(1);
    const [event] = events;
    if (event?.kind !== "message") throw new Error(`expected a message, got ${event?.kind}`);
    expect(event.message.type).toBe(type);
    expect(event.message.timestamp.getTime()).toBeGreaterThan(0);
    check(event.message.content as Record<string, unknown>);
  };
}

function status(
  name: string,
  check: (event: Extract<WebhookEvent, { kind: "status" }>) => void = () => {},
): Expectation {
  return (events) => {
    expect(events).toHaveLength(1);
    const [event] = events;
    if (event?.kind !== "status") throw new Error(`expected a status, got ${event?.kind}`);
    expect(event.status.status).toBe(name);
    check(event);
  };
}

const media =
  (mediaId: string, extra: Record<string, unknown> = {}) =>
  (content: Record<string, unknown>) =>
    expect(content).toMatchObject({ mediaId, ...extra });

const expectations: Record<string, Expectation> = {
  "interactive_button_reply.json": message("interactive", (c) =>
    expect(c).toMatchObject({ replyKind: "button_reply", id: "callback_data", title: "title" }),
  ),
  "interactive_list_reply.json": message("interactive", (c) =>
    expect(c).toMatchObject({ replyKind: "list_reply", id: "callback_data" }),
  ),
  "interactive_list_reply_with_description.json": message("interactive", (c) =>
    expect(c).toMatchObject({ replyKind: "list_reply", description: "description" }),
  ),
  "msg_audio.json": message("audio", media("1234567890987654321", { voice: false })),
  "msg_contacts.json": message("contacts", (c) =>
    expect(c.summary).toEqual([
      { name: "Chandler Bing", phones: ["+1 555-555-5555"] },
      { name: "Monica", phones: ["+1 666-666-6666"] },
      { name: "Rachel Green", phones: ["+1 777-777-7777"] },
    ]),
  ),
  "msg_document.json": message(
    "document",
    media("1234567890987654321", {
      filename: "filename.pdf",
      caption: "caption",
      mimeType: "application/pdf",
    }),
  ),
  "msg_forwarded.json": (events) => {
    message("text", (c) => expect(c.body).toBe("forwarded text"))(events, undefined);
    expect(events[0]?.kind === "message" && events[0].message.context?.forwarded).toBe(true);
  },
  "msg_image.json": message("image", media("65463453", { mimeType: "image/jpeg" })),
  "msg_interactive_with_error.json": message("unsupported", (c) =>
    expect(c).toMatchObject({
      originalType: "interactive",
      errors: [{ code: 131000, details: "Unsupported webhook payload" }],
    }),
  ),
  "msg_location_chosen.json": message("location", (c) =>
    expect(c).toMatchObject({ name: "Facebook HQ", latitude: 37.4611978 }),
  ),
  "msg_location_current.json": message("location", (c) =>
    expect(c).toEqual({ type: "location", latitude: 12.25089, longitude: 43.90539 }),
  ),
  "msg_order.json": message("order", (c) => expect(c.raw).toMatchObject({ catalog_id: "354160437058781" })),
  "msg_reaction.json": message("reaction", (c) =>
    expect(c).toEqual({ type: "reaction", messageId: "wamid.yzxyzx=", emoji: "\u{1F62E}" }),
  ),
  "msg_referral_ctwa.json": (events) => {
    message("text")(events, undefined);
    expect(events[0]?.kind === "message" && events[0].message.referral?.ctwaClid).toBe("CTWA_CLID");
  },
  "msg_reply_with_context.json": (events) => {
    message("text")(events, undefined);
    expect(events[0]?.kind === "message" && events[0].message.context?.id).toBe("wamid.xyzxyz==");
  },
  "msg_sticker_animated.json": message("sticker", media("1234567890987654321", { animated: true })),
  "msg_sticker_static.json": message("sticker", media("1234567890987654321", { animated: false })),
  "msg_text.json": (events) => {
    message("text", (c) => expect(c.body).toBe("Body Text"))(events, undefined);
    expect(events[0]?.kind === "message" && events[0].message.profileName).toBe("Test Name");
  },
  "msg_unreaction_empty.json": message("reaction", (c) => expect(c.emoji).toBe("")),
  "msg_unsupported.json": message("unsupported", (c) =>
    expect(c).toMatchObject({ errors: [{ code: 131051 }] }),
  ),
  "msg_unsupported_with_type.json": message("unsupported", (c) =>
    expect(c).toMatchObject({ originalType: "pool", errors: [{ code: 131051 }] }),
  ),
  "msg_video.json": message("video", media("765756756", { caption: "caption" })),
  "msg_voice.json": message("audio", media("1234567890987654321", { voice: true })),
  "status_delivered.json": status("delivered", (e) => expect(e.status.pricing?.category).toBe("service")),
  "status_failed.json": status("failed", (e) =>
    expect(e.status.errors).toEqual([
      {
        code: 130472,
        title: "User's number is part of an experiment",
        message: "User's number is part of an experiment",
        details: "Failed to send message because this user's phone number is part of an experiment",
      },
    ]),
  ),
  "status_played.json": status("played"),
  "status_read.json": status("read"),
  "status_sent.json": status("sent", (e) =>
    expect(e.status.conversation?.expiresAt).toEqual(new Date(1698339900 * 1000)),
  ),
  "system_identity_change.json": message("system", (c) =>
    expect(c.systemType).toBe("customer_identity_changed"),
  ),
  "system_phone_number_change.json": message("system", (c) =>
    expect(c).toMatchObject({ systemType: "user_changed_number", newWaId: "972912345678" }),
  ),
  "template_quality_update_yellow.json": (events) =>
    expect(events).toEqual([
      {
        kind: "template_quality",
        wabaId: "102290129340398",
        templateId: "806312974732579",
        name: "welcome_template",
        language: "en_US",
        previousScore: "GREEN",
        newScore: "YELLOW",
      },
    ]),
  "template_quick_reply_button.json": message("button", (c) =>
    expect(c).toEqual({ type: "button", text: "title", payload: "callback_data" }),
  ),
  "template_quick_reply_button_no_context.json": message("button"),
  "template_status_approved.json": (events) =>
    expect(events).toMatchObject([
      { kind: "template_status", event: "APPROVED", templateId: "1689556908129832" },
    ]),
  "template_status_rejected.json": (events) => {
    expect(events).toMatchObject([{ kind: "template_status", event: "REJECTED", reason: "INVALID_FORMAT" }]);
    expect(events[0]?.kind === "template_status" && events[0].rejectionInfo?.recommendation).toMatch(
      /Separate parameters/,
    );
  },
};

function expectationFor(relative: string): Expectation | undefined {
  if (relative.startsWith(`account_update${path.sep}`)) {
    return (events, raw) => {
      const value = (raw as { entry: { changes: { value: { event: string } }[] }[] }).entry[0]?.changes[0]
        ?.value;
      expect(events).toEqual([
        { kind: "account_update", wabaId: expect.any(String), event: value?.event, raw: value },
      ]);
    };
  }
  return expectations[relative];
}

const apiErrors: Record<
  string,
  { code: number; retryable: boolean; details?: RegExp; subcode?: number; title: string }
> = {
  "error_131047_reengagement.json": {
    code: 131047,
    retryable: false,
    details: /24 hours/,
    title: "Re-engagement message",
  },
  "error_131053_media_upload.json": {
    code: 131053,
    retryable: false,
    details: /Too Many Requests/,
    title: "Media upload error",
  },
  "error_190_expired_token.json": { code: 190, retryable: false, subcode: 463, title: "OAuthException" },
};

const sendResponses: Record<string, { waId: string; messageStatus?: string }> = {
  "send_message_response.json": { waId: "16505555555" },
  "send_template_response_accepted.json": { waId: "16505555555", messageStatus: "accepted" },
};

describe.skipIf(!present)("replaying third-party WhatsApp payloads", () => {
  it("reads every webhook fixture as its table entry says, and every file is classified", async () => {
    const files = await jsonFilesUnder(fixturesDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const relative = path.relative(fixturesDir, file);
      const name = path.basename(file);
      if (name in apiErrors || name in sendResponses) continue;
      const expectation = expectationFor(relative);
      expect(expectation, `${relative} has no expectation in the table`).toBeDefined();
      const raw = JSON.parse(await readFile(file, "utf8"));
      try {
        expectation?.(readWebhookEvents(raw), raw);
      } catch (error) {
        throw new Error(`${relative}: ${(error as Error).message}`, { cause: error });
      }
    }
  });

  it("maps the Graph error bodies (saved without their `error` wrapper) through the error parser", async () => {
    for (const [name, expected] of Object.entries(apiErrors)) {
      const inner = JSON.parse(await readFile(path.join(fixturesDir, name), "utf8"));
      const error = readApiError(400, { error: inner });
      expect(error.code, name).toBe(expected.code);
      expect(error.retryable, name).toBe(expected.retryable);
      expect(error.title, name).toBe(expected.title);
      expect(error.httpStatus, name).toBe(400);
      if (expected.details) expect(error.details, name).toMatch(expected.details);
      if (expected.subcode) expect(error.subcode, name).toBe(expected.subcode);
      expect(error.message, name).toBe(inner.message);
    }
  });

  it("reads the send responses", async () => {
    for (const [name, expected] of Object.entries(sendResponses)) {
      const body = JSON.parse(await readFile(path.join(fixturesDir, name), "utf8"));
      expect(readSendResponse(body), name).toEqual({
        messageId: "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA",
        ...expected,
      });
    }
  });
});
