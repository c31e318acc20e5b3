import { describe, expect, it } from "vitest";
import { phoneNumberIdsOf, readWebhookEvents } from "./webhook-events.ts";

/** Payloads written from Meta's documented webhook references (statuses, templates, phone, account). */
const wabaId = "102290129340398";
const metadata = { display_phone_number: "15550783881", phone_number_id: "106540352242922" };

function envelope(...changes: { field: string; value: unknown }[]) {
  return { object: "whatsapp_business_account", entry: [{ id: wabaId, time: 1749416383, changes }] };
}

function statusChange(...statuses: unknown[]) {
  return { field: "messages", value: { messaging_product: "whatsapp", metadata, statuses } };
}

const wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA";
const conversation = {
  id: "7c3a2f2b8a1d4e6f9b0c1d2e3f4a5b6c",
  expiration_timestamp: "1749502800",
  origin: { type: "utility" },
};
const pricing = { billable: true, pricing_model: "PMP", category: "utility", type: "regular" };

describe("status webhooks", () => {
  it("sent with conversation and pricing", () => {
    const raw = {
      id: wamid,
      status: "sent",
      timestamp: "1749416400",
      recipient_id: "16505551234",
      conversation,
      pricing,
    };
    expect(readWebhookEvents(envelope(statusChange(raw)))).toEqual([
      {
        kind: "status",
        wabaId,
        phoneNumberId: "106540352242922",
        status: {
          messageId: wamid,
          status: "sent",
          timestamp: new Date(1749416400 * 1000),
          recipientId: "16505551234",
          conversation: {
            id: conversation.id,
            expiresAt: new Date(1749502800 * 1000),
            originType: "utility",
          },
          pricing: { billable: true, pricingModel: "PMP", category: "utility", type: "regular" },
          errors: [],
        },
      },
    ]);
  });

  it("delivered, read, played, deleted and a status name Meta may add later", () => {
    const names = ["delivered", "read", "played", "deleted", "warning"];
    const events = readWebhookEvents(
      envelope(
        statusChange(
          ...names.map((status) => ({
            id: wamid,
            status,
            timestamp: "1749416500",
            recipient_id: "16505551234",
          })),
        ),
      ),
    );
    expect(events.map((event) => event.kind === "status" && event.status.status)).toEqual(names);
    expect(events.every((event) => event.kind === "status" && event.status.errors.length === 0)).toBe(true);
  });

  it("failed, with Meta's errors", () => {
    const raw = {
      id: wamid,
      status: "failed",
      timestamp: "1749416600",
      recipient_id: "16505551234",
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          message: "Re-engagement message",
          error_data: {
            details:
              "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
          },
          href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        },
      ],
    };
    const [event] = readWebhookEvents(envelope(statusChange(raw)));
    expect(event?.kind === "status" && event.status).toEqual({
      messageId: wamid,
      status: "failed",
      timestamp: new Date(1749416600 * 1000),
      recipientId: "16505551234",
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          message: "Re-engagement message",
          details:
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        },
      ],
    });
  });

  it("carries biz_opaque_callback_data back", () => {
    const raw = {
      id: wamid,
      status: "delivered",
      timestamp: "1749416700",
      recipient_id: "16505551234",
      biz_opaque_callback_data: "campaign:42;recipient:7",
    };
    const [event] = readWebhookEvents(envelope(statusChange(raw)));
    expect(event?.kind === "status" && event.status.bizOpaqueCallbackData).toBe("campaign:42;recipient:7");
  });
});

describe("template, phone and account webhooks", () => {
  it("template approved and rejected", () => {
    const approved = {
      event: "APPROVED",
      message_template_id: 594425479261596,
      message_template_name: "order_shipped",
      message_template_language: "en_US",
      reason: "NONE",
      message_template_category: "UTILITY",
    };
    const rejected = {
      event: "REJECTED",
      message_template_id: 594425479261597,
      message_template_name: "flash_sale",
      message_template_language: "pt_BR",
      reason: "INVALID_FORMAT",
      message_template_category: "MARKETING",
      rejection_info: {
        reason: "Variables are next to each other.",
        recommendation: "Add text between variables.",
      },
    };
    expect(
      readWebhookEvents(
        envelope(
          { field: "message_template_status_update", value: approved },
          { field: "message_template_status_update", value: rejected },
        ),
      ),
    ).toEqual([
      {
        kind: "template_status",
        wabaId,
        templateId: "594425479261596",
        name: "order_shipped",
        language: "en_US",
        event: "APPROVED",
        reason: "NONE",
        category: "UTILITY",
      },
      {
        kind: "template_status",
        wabaId,
        templateId: "594425479261597",
        name: "flash_sale",
        language: "pt_BR",
        event: "REJECTED",
        reason: "INVALID_FORMAT",
        category: "MARKETING",
        rejectionInfo: {
          reason: "Variables are next to each other.",
          recommendation: "Add text between variables.",
        },
      },
    ]);
  });

  it("template quality", () => {
    const value = {
      previous_quality_score: "GREEN",
      new_quality_score: "RED",
      message_template_id: 806312974732579,
      message_template_name: "welcome_template",
      message_template_language: "en_US",
    };
    expect(readWebhookEvents(envelope({ field: "message_template_quality_update", value }))).toEqual([
      {
        kind: "template_quality",
        wabaId,
        templateId: "806312974732579",
        name: "welcome_template",
        language: "en_US",
        previousScore: "GREEN",
        newScore: "RED",
      },
    ]);
  });

  it("phone number quality, old and new limit fields", () => {
    const older = {
      display_phone_number: "15550783881",
      event: "DOWNGRADE",
      current_limit: "TIER_1K",
      max_daily_conversation_per_phone: 1000,
    };
    const newer = {
      display_phone_number: "15550783881",
      event: "THROUGHPUT_UPGRADE",
      old_limit: "TIER_2K",
      current_limit: "TIER_10K",
      max_daily_conversations_per_business: "TIER_10K",
    };
    expect(
      readWebhookEvents(
        envelope(
          { field: "phone_number_quality_update", value: older },
          { field: "phone_number_quality_update", value: newer },
        ),
      ),
    ).toEqual([
      {
        kind: "phone_quality",
        wabaId,
        displayPhoneNumber: "15550783881",
        event: "DOWNGRADE",
        currentLimit: "TIER_1K",
        maxDailyConversationPerPhone: "1000",
      },
      {
        kind: "phone_quality",
        wabaId,
        displayPhoneNumber: "15550783881",
        event: "THROUGHPUT_UPGRADE",
        currentLimit: "TIER_10K",
        oldLimit: "TIER_2K",
        maxDailyConversationsPerBusiness: "TIER_10K",
      },
    ]);
  });

  it("account update keeps its raw value; any other field is ignored, never thrown", () => {
    const account = { event: "VERIFIED_ACCOUNT" };
    const capability = { max_daily_conversation_per_phone: 1000, max_phone_numbers_per_business: 2 };
    expect(
      readWebhookEvents(
        envelope(
          { field: "account_update", value: account },
          { field: "business_capability_update", value: capability },
        ),
      ),
    ).toEqual([
      { kind: "account_update", wabaId, event: "VERIFIED_ACCOUNT", raw: account },
      { kind: "ignored", field: "business_capability_update", wabaId, raw: capability },
    ]);
  });

  it("a known field with an unreadable value is ignored with its raw value", () => {
    const value = { event: "APPROVED" };
    expect(readWebhookEvents(envelope({ field: "message_template_status_update", value }))).toEqual([
      { kind: "ignored", field: "message_template_status_update", wabaId, raw: value },
    ]);
  });
});

describe("whole deliveries", () => {
  const second = { display_phone_number: "15550001111", phone_number_id: "220000000000001" };
  const delivery = {
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
              contacts: [
                { profile: { name: "Ana" }, wa_id: "5511999990000" },
                { profile: { name: "Bo" }, wa_id: "4915112345678" },
              ],
              messages: [
                {
                  from: "5511999990000",
                  id: "wamid.a1",
                  timestamp: "1749416001",
                  type: "text",
                  text: { body: "Oi" },
                },
                {
                  from: "4915112345678",
                  id: "wamid.b1",
                  timestamp: "1749416002",
                  type: "text",
                  text: { body: "Hallo" },
                },
              ],
              statuses: [
                {
                  id: "wamid.out1",
                  status: "delivered",
                  timestamp: "1749416003",
                  recipient_id: "5511999990000",
                },
                { id: "wamid.out2", status: "read", timestamp: "1749416004", recipient_id: "4915112345678" },
              ],
            },
          },
        ],
      },
      {
        id: "200000000000002",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: second,
              messages: [
                {
                  from: "447700900123",
                  id: "wamid.c1",
                  timestamp: "1749416005",
                  type: "text",
                  text: { body: "Hi" },
                },
              ],
            },
          },
          { field: "messages", value: { messaging_product: "whatsapp", metadata } },
        ],
      },
    ],
  };

  it("flattens two entries, several messages and statuses into events in payload order", () => {
    const events = readWebhookEvents(delivery);
    expect(
      events.map((event) => {
        if (event.kind === "message")
          return [event.kind, event.wabaId, event.phoneNumberId, event.message.id, event.message.profileName];
        if (event.kind === "status")
          return [event.kind, event.wabaId, event.phoneNumberId, event.status.messageId];
        return [event.kind, event.wabaId];
      }),
    ).toEqual([
      ["message", wabaId, "106540352242922", "wamid.a1", "Ana"],
      ["message", wabaId, "106540352242922", "wamid.b1", "Bo"],
      ["status", wabaId, "106540352242922", "wamid.out1"],
      ["status", wabaId, "106540352242922", "wamid.out2"],
      ["message", "200000000000002", "220000000000001", "wamid.c1", null],
      ["ignored", "200000000000002"],
    ]);
  });

  it("lists the distinct phone number ids a delivery is about", () => {
    expect(phoneNumberIdsOf(delivery)).toEqual(["106540352242922", "220000000000001"]);
    expect(phoneNumberIdsOf(envelope({ field: "account_update", value: { event: "X" } }))).toEqual([]);
  });

  it("answers [] for anything that is not the envelope, and skips malformed entries", () => {
    for (const body of [
      null,
      undefined,
      "text",
      42,
      [],
      {},
      { object: "page", entry: [] },
      { object: "whatsapp_business_account", entry: "x" },
    ]) {
      expect(readWebhookEvents(body)).toEqual([]);
      expect(phoneNumberIdsOf(body)).toEqual([]);
    }
    const partly = {
      object: "whatsapp_business_account",
      entry: [
        null,
        { id: wabaId },
        {
          id: wabaId,
          changes: [null, { value: {} }, { field: "security", value: { event: "PIN_CHANGED" } }],
        },
      ],
    };
    expect(readWebhookEvents(partly)).toEqual([
      { kind: "ignored", field: "security", wabaId, raw: { event: "PIN_CHANGED" } },
    ]);
  });
});
