import { describe, expect, it } from "vitest";
import type { InboundMessage } from "./inbound-message.ts";
import { readWebhookEvents } from "./webhook-events.ts";

/** Payloads written from Meta's documented `messages` webhook examples, one message type each. */
const wabaId = "102290129340398";
const metadata = { display_phone_number: "15550783881", phone_number_id: "106540352242922" };
const customer = { profile: { name: "Sheena Nelson" }, wa_id: "16505551234" };

function deliver(message: unknown, extra: Record<string, unknown> = {}) {
  return readWebhookEvents({
    object: "whatsapp_business_account",
    entry: [
      {
        id: wabaId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata,
              contacts: [customer],
              messages: [message],
              ...extra,
            },
          },
        ],
      },
    ],
  });
}

function readOne(message: Record<string, unknown>, extra: Record<string, unknown> = {}): InboundMessage {
  const events = deliver(message, extra);
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.kind !== "message") throw new Error(`expected a message event, got ${event?.kind}`);
  expect(event.wabaId).toBe(wabaId);
  expect(event.phoneNumberId).toBe("106540352242922");
  expect(event.displayPhoneNumber).toBe("15550783881");
  expect(event.message.raw).toBe(message);
  return event.message;
}

const base = {
  from: "16505551234",
  id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
  timestamp: "1749416383",
};
const at = new Date(1749416383 * 1000);

describe("inbound messages", () => {
  it("text: body, sender, profile name and time", () => {
    const message = { ...base, type: "text", text: { body: "Does it come in another color?" } };
    expect(readOne(message)).toEqual({
      id: base.id,
      from: "16505551234",
      profileName: "Sheena Nelson",
      timestamp: at,
      type: "text",
      content: { type: "text", body: "Does it come in another color?" },
      raw: message,
    });
  });

  it("profile name is null when no contact matches the sender", () => {
    const events = deliver({ ...base, from: "447700900123", type: "text", text: { body: "hi" } });
    expect(events[0]?.kind === "message" && events[0].message.profileName).toBeNull();
  });

  it("reply context, forwarded flags and a Click-to-WhatsApp referral", () => {
    const reply = readOne({
      ...base,
      type: "text",
      text: { body: "yes" },
      context: { from: "15550783881", id: "wamid.quoted" },
    });
    expect(reply.context).toEqual({
      id: "wamid.quoted",
      from: "15550783881",
      forwarded: false,
      frequentlyForwarded: false,
    });

    const forwarded = readOne({
      ...base,
      type: "text",
      text: { body: "fw" },
      context: { forwarded: true, frequently_forwarded: true },
    });
    expect(forwarded.context).toEqual({ forwarded: true, frequentlyForwarded: true });

    const fromAd = readOne({
      ...base,
      type: "text",
      text: { body: "I saw your ad" },
      referral: {
        source_url: "https://fb.me/3cr4Wqqkv",
        source_id: "120226305854810726",
        source_type: "ad",
        headline: "Chat with us",
        body: "Summer sale",
        media_type: "image",
        image_url: "https://scontent.xx.fbcdn.net/v/t45.jpg",
        ctwa_clid: "Afc3nYt8Lq2",
      },
    });
    expect(fromAd.referral).toEqual({
      sourceUrl: "https://fb.me/3cr4Wqqkv",
      sourceId: "120226305854810726",
      sourceType: "ad",
      headline: "Chat with us",
      body: "Summer sale",
      mediaType: "image",
      imageUrl: "https://scontent.xx.fbcdn.net/v/t45.jpg",
      ctwaClid: "Afc3nYt8Lq2",
    });
    expect(readOne({ ...base, type: "text", text: { body: "plain" } }).context).toBeUndefined();
  });

  it("media: image, video, audio (voice), document and sticker", () => {
    const sha256 = "Ub7+sN/6fD3WbWsnkQikCQK1vK8XW0wRB1QFwsoyqT4=";
    expect(
      readOne({
        ...base,
        type: "image",
        image: { caption: "Pack", mime_type: "image/jpeg", sha256, id: "1003383421387256" },
      }).content,
    ).toEqual({
      type: "image",
      mediaId: "1003383421387256",
      mimeType: "image/jpeg",
      sha256,
      caption: "Pack",
    });
    expect(
      readOne({ ...base, type: "video", video: { mime_type: "video/mp4", sha256, id: "v1" } }).content,
    ).toEqual({
      type: "video",
      mediaId: "v1",
      mimeType: "video/mp4",
      sha256,
    });
    const voice = readOne({
      ...base,
      type: "audio",
      audio: { mime_type: "audio/ogg; codecs=opus", sha256, id: "a1", voice: true },
    });
    expect(voice.type).toBe("audio");
    expect(voice.content).toEqual({
      type: "audio",
      mediaId: "a1",
      mimeType: "audio/ogg; codecs=opus",
      sha256,
      voice: true,
    });
    expect(
      readOne({
        ...base,
        type: "document",
        document: {
          caption: "Invoice",
          filename: "invoice-42.pdf",
          mime_type: "application/pdf",
          sha256,
          id: "d1",
        },
      }).content,
    ).toEqual({
      type: "document",
      mediaId: "d1",
      mimeType: "application/pdf",
      sha256,
      caption: "Invoice",
      filename: "invoice-42.pdf",
    });
    expect(
      readOne({
        ...base,
        type: "sticker",
        sticker: { mime_type: "image/webp", sha256, id: "s1", animated: true },
      }).content,
    ).toEqual({
      type: "sticker",
      mediaId: "s1",
      mimeType: "image/webp",
      sha256,
      animated: true,
    });
  });

  it("location with name, address and url", () => {
    const message = {
      ...base,
      type: "location",
      location: {
        address: "1 Hacker Way, Menlo Park, CA 94025",
        latitude: 37.483307,
        longitude: -122.148981,
        name: "Main Office",
        url: "https://www.meta.com",
      },
    };
    expect(readOne(message).content).toEqual({
      type: "location",
      latitude: 37.483307,
      longitude: -122.148981,
      name: "Main Office",
      address: "1 Hacker Way, Menlo Park, CA 94025",
      url: "https://www.meta.com",
    });
  });

  it("contacts: raw cards kept, with a name/phone summary", () => {
    const cards = [
      {
        name: { formatted_name: "Barbara J. Johnson", first_name: "Barbara", last_name: "Johnson" },
        phones: [
          { phone: "+1 (940) 555-1234", wa_id: "19405551234", type: "HOME" },
          { phone: "+1 (940) 555-9876", type: "WORK" },
        ],
        emails: [{ email: "bjohnson@example.com", type: "WORK" }],
      },
      { name: { first_name: "Ana", last_name: "Lima" }, phones: [{ wa_id: "5511999990000" }] },
    ];
    expect(readOne({ ...base, type: "contacts", contacts: cards }).content).toEqual({
      type: "contacts",
      contacts: cards,
      summary: [
        { name: "Barbara J. Johnson", phones: ["+1 (940) 555-1234", "+1 (940) 555-9876"] },
        { name: "Ana Lima", phones: ["5511999990000"] },
      ],
    });
  });

  it("interactive replies: button, list (with description) and flow (nfm)", () => {
    const context = { from: "15550783881", id: "wamid.menu" };
    const button = readOne({
      ...base,
      type: "interactive",
      context,
      interactive: { type: "button_reply", button_reply: { id: "yes-1", title: "Yes" } },
    });
    expect(button.content).toEqual({
      type: "interactive",
      replyKind: "button_reply",
      id: "yes-1",
      title: "Yes",
    });
    expect(button.context?.id).toBe("wamid.menu");
    expect(
      readOne({
        ...base,
        type: "interactive",
        interactive: {
          type: "list_reply",
          list_reply: { id: "priority_express", title: "Express", description: "Next day" },
        },
      }).content,
    ).toEqual({
      type: "interactive",
      replyKind: "list_reply",
      id: "priority_express",
      title: "Express",
      description: "Next day",
    });
    expect(
      readOne({
        ...base,
        type: "interactive",
        interactive: {
          type: "nfm_reply",
          nfm_reply: { name: "flow", body: "Sent", response_json: '{"flow_token":"t1","rating":"5"}' },
        },
      }).content,
    ).toEqual({
      type: "interactive",
      replyKind: "nfm_reply",
      id: "flow",
      title: "Sent",
      responseJson: '{"flow_token":"t1","rating":"5"}',
    });
  });

  it("button: a template quick reply", () => {
    const message = {
      ...base,
      type: "button",
      context: { from: "15550783881", id: "wamid.template" },
      button: { payload: "STOP_PROMOS", text: "Stop promotions" },
    };
    expect(readOne(message).content).toEqual({
      type: "button",
      text: "Stop promotions",
      payload: "STOP_PROMOS",
    });
  });

  it("reaction, and its removal (empty or absent emoji)", () => {
    expect(
      readOne({ ...base, type: "reaction", reaction: { message_id: "wamid.ours", emoji: "\u{1F44D}" } })
        .content,
    ).toEqual({
      type: "reaction",
      messageId: "wamid.ours",
      emoji: "\u{1F44D}",
    });
    expect(
      readOne({ ...base, type: "reaction", reaction: { message_id: "wamid.ours", emoji: "" } }).content,
    ).toEqual({
      type: "reaction",
      messageId: "wamid.ours",
      emoji: "",
    });
    expect(
      readOne({ ...base, type: "reaction", reaction: { message_id: "wamid.ours" } }).content,
    ).toMatchObject({ emoji: "" });
  });

  it("order: the cart kept whole", () => {
    const order = {
      catalog_id: "194836987003835",
      text: "Please deliver after 6pm",
      product_items: [{ product_retailer_id: "di9ozbzfi4", quantity: 2, item_price: 30, currency: "USD" }],
    };
    expect(readOne({ ...base, type: "order", order }).content).toEqual({ type: "order", raw: order });
  });

  it("system: the customer changed number", () => {
    const message = {
      ...base,
      type: "system",
      system: {
        body: "NAME changed from 16505551234 to 16505559999",
        new_wa_id: "16505559999",
        type: "customer_changed_number",
      },
    };
    expect(readOne(message).content).toEqual({
      type: "system",
      body: "NAME changed from 16505551234 to 16505559999",
      systemType: "customer_changed_number",
      newWaId: "16505559999",
    });
  });

  it("unsupported: Meta's errors kept, with the inner type when given", () => {
    const errors = [
      {
        code: 131051,
        title: "Message type unknown",
        message: "Message type unknown",
        error_data: { details: "Message type is currently not supported." },
      },
    ];
    const message = readOne({ ...base, type: "unsupported", errors, unsupported: { type: "poll" } });
    expect(message.type).toBe("unsupported");
    expect(message.content).toEqual({
      type: "unsupported",
      originalType: "poll",
      errors: [
        {
          code: 131051,
          title: "Message type unknown",
          message: "Message type unknown",
          details: "Message type is currently not supported.",
        },
      ],
    });
  });

  it("an unknown type, or a known one without its object, becomes unsupported with the raw message kept", () => {
    const unknown = { ...base, type: "request_welcome" };
    const read = readOne(unknown);
    expect(read.content).toEqual({ type: "unsupported", originalType: "request_welcome", errors: [] });
    expect(read.raw).toBe(unknown);

    const bare = readOne(
      { ...base, type: "interactive" },
      {
        errors: [
          {
            code: 131000,
            title: "Something went wrong",
            error_data: { details: "Unsupported webhook payload" },
          },
        ],
      },
    );
    expect(bare.content).toEqual({
      type: "unsupported",
      originalType: "interactive",
      errors: [{ code: 131000, title: "Something went wrong", details: "Unsupported webhook payload" }],
    });
    expect(readOne({ ...base, type: "image", image: { caption: "no id" } }).content).toMatchObject({
      type: "unsupported",
      originalType: "image",
    });
  });

  it("a message without id, sender or a valid time is not dropped: it comes back as ignored", () => {
    for (const broken of [
      { type: "text", text: { body: "x" } },
      { ...base, timestamp: "yesterday", type: "text", text: { body: "x" } },
    ]) {
      expect(deliver(broken)).toEqual([{ kind: "ignored", field: "messages", wabaId, raw: broken }]);
    }
  });
});
