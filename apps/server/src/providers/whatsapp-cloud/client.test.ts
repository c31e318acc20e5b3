import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWhatsAppCloudClient, type WhatsAppCloudClient } from "./client.ts";
import { WhatsAppApiError } from "./errors.ts";

/** A local stand-in for graph.facebook.com: records each request, answers what the test queued. */
type Recorded = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer };
type Reply = { status?: number; json?: unknown; body?: Buffer | string; contentType?: string } | "hang";

let server: Server;
let baseUrl: string;
let requests: Recorded[] = [];
let replies: Reply[] = [];
let client: WhatsAppCloudClient;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      const reply = replies.shift() ?? {
        status: 500,
        json: { error: { message: "no reply queued", code: 1 } },
      };
      if (reply === "hang") return;
      const body = reply.json === undefined ? (reply.body ?? "") : JSON.stringify(reply.json);
      response.writeHead(reply.status ?? 200, { "content-type": reply.contentType ?? "application/json" });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
  replies = [];
  client = createWhatsAppCloudClient({
    baseUrl: `${baseUrl}/`,
    accessToken: "EAAG-test-token",
    timeoutMs: 2_000,
  });
});

const phoneId = "106540352242922";
const sent = (waId: string, extra: Record<string, unknown> = {}) => ({
  messaging_product: "whatsapp",
  contacts: [{ input: waId, wa_id: waId }],
  messages: [{ id: "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", ...extra }],
});

function lastJson() {
  const request = requests.at(-1);
  expect(request?.headers["content-type"]).toBe("application/json");
  return JSON.parse(request?.body.toString("utf8") ?? "null");
}

describe("sending messages", () => {
  it("text: POST /{phone-number-id}/messages with the bearer token and Meta's body", async () => {
    replies.push({ json: sent("16505551234") });
    const result = await client.sendMessage(
      phoneId,
      "16505551234",
      { type: "text", body: "Hello https://example.com", previewUrl: true },
      {
        replyToMessageId: "wamid.quoted",
        bizOpaqueCallbackData: "campaign:42",
      },
    );
    expect(result).toEqual({
      messageId: "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA",
      waId: "16505551234",
    });
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.path).toBe(`/v21.0/${phoneId}/messages`);
    expect(requests[0]?.headers.authorization).toBe("Bearer EAAG-test-token");
    expect(lastJson()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "16505551234",
      context: { message_id: "wamid.quoted" },
      biz_opaque_callback_data: "campaign:42",
      type: "text",
      text: { body: "Hello https://example.com", preview_url: true },
    });
  });

  it("media by id with a caption, and a document by link with its filename", async () => {
    replies.push({ json: sent("16505551234") }, { json: sent("16505551234") }, { json: sent("16505551234") });
    await client.sendMessage(phoneId, "16505551234", {
      type: "image",
      mediaId: "1003383421387256",
      caption: "Our menu",
    });
    expect(lastJson()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "16505551234",
      type: "image",
      image: { id: "1003383421387256", caption: "Our menu" },
    });
    await client.sendMessage(phoneId, "16505551234", {
      type: "document",
      link: "https://example.com/invoice.pdf",
      filename: "invoice.pdf",
    });
    expect(lastJson()).toMatchObject({
      type: "document",
      document: { link: "https://example.com/invoice.pdf", filename: "invoice.pdf" },
    });
    await client.sendMessage(phoneId, "16505551234", { type: "audio", mediaId: "a1" });
    expect(lastJson()).toMatchObject({ type: "audio", audio: { id: "a1" } });
  });

  it("template with a header image, body variables and a URL button variable", async () => {
    replies.push({ json: sent("16505551234", { message_status: "accepted" }) });
    const result = await client.sendMessage(phoneId, "16505551234", {
      type: "template",
      name: "order_shipped",
      languageCode: "en_US",
      components: [
        { type: "header", parameters: [{ type: "image", image: { link: "https://example.com/box.jpg" } }] },
        {
          type: "body",
          parameters: [
            { type: "text", text: "Ana" },
            { type: "text", text: "#4521" },
          ],
        },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "4521" }] },
      ],
    });
    expect(result.messageStatus).toBe("accepted");
    expect(lastJson()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "16505551234",
      type: "template",
      template: {
        name: "order_shipped",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { link: "https://example.com/box.jpg" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ana" },
              { type: "text", text: "#4521" },
            ],
          },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "4521" }] },
        ],
      },
    });
  });

  it("reaction", async () => {
    replies.push({ json: sent("16505551234") });
    await client.sendMessage(phoneId, "16505551234", {
      type: "reaction",
      messageId: "wamid.theirs",
      emoji: "\u{1F44D}",
    });
    expect(lastJson()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "16505551234",
      type: "reaction",
      reaction: { message_id: "wamid.theirs", emoji: "\u{1F44D}" },
    });
  });

  it("markRead", async () => {
    replies.push({ json: { success: true } });
    await client.markRead(phoneId, "wamid.theirs");
    expect(requests[0]?.path).toBe(`/v21.0/${phoneId}/messages`);
    expect(lastJson()).toEqual({ messaging_product: "whatsapp", status: "read", message_id: "wamid.theirs" });
  });
});

describe("media", () => {
  it("uploads as multipart/form-data with messaging_product, type and file", async () => {
    replies.push({ json: { id: "4490709327384033" } });
    const data = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    expect(
      await client.uploadMedia(phoneId, { data, mimeType: "image/jpeg", filename: "photo.jpg" }),
    ).toEqual({ id: "4490709327384033" });
    const request = requests[0];
    expect(request?.path).toBe(`/v21.0/${phoneId}/media`);
    expect(request?.headers.authorization).toBe("Bearer EAAG-test-token");
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(request?.body ?? []), {
      headers: { "content-type": request?.headers["content-type"] ?? "" },
    }).formData();
    expect(form.get("messaging_product")).toBe("whatsapp");
    expect(form.get("type")).toBe("image/jpeg");
    const file = form.get("file") as File;
    expect(file.name).toBe("photo.jpg");
    expect(file.type).toBe("image/jpeg");
    expect(Buffer.from(await file.arrayBuffer())).toEqual(data);
  });

  it("reads media info, then downloads it with the bearer token", async () => {
    const url = `${baseUrl}/whatsapp_business/attachments/?mid=1003383421387256&ext=1749416383&hash=ATtest`;
    replies.push(
      {
        json: {
          messaging_product: "whatsapp",
          url,
          mime_type: "image/jpeg",
          sha256: "a1b2c3",
          file_size: 6,
          id: "1003383421387256",
        },
      },
      { body: Buffer.from("JPEG!!"), contentType: "image/jpeg" },
    );
    const info = await client.getMediaInfo("1003383421387256");
    expect(info).toEqual({ url, mimeType: "image/jpeg", sha256: "a1b2c3", fileSize: 6 });
    expect(requests[0]).toMatchObject({ method: "GET", path: "/v21.0/1003383421387256" });
    const media = await client.downloadMedia(info.url);
    expect(media).toEqual({ data: Buffer.from("JPEG!!"), mimeType: "image/jpeg" });
    expect(requests[1]).toMatchObject({
      method: "GET",
      path: "/whatsapp_business/attachments/?mid=1003383421387256&ext=1749416383&hash=ATtest",
    });
    expect(requests[1]?.headers.authorization).toBe("Bearer EAAG-test-token");
  });
});

describe("account and templates", () => {
  it("reads the phone number with explicit fields", async () => {
    replies.push({
      json: {
        id: phoneId,
        display_phone_number: "+1 555-078-3881",
        verified_name: "Lucky Shrub",
        quality_rating: "GREEN",
        messaging_limit_tier: "TIER_1K",
        throughput: { level: "STANDARD" },
      },
    });
    expect(await client.getPhoneNumber(phoneId)).toEqual({
      id: phoneId,
      displayPhoneNumber: "+1 555-078-3881",
      verifiedName: "Lucky Shrub",
      qualityRating: "GREEN",
      messagingLimitTier: "TIER_1K",
      throughputLevel: "STANDARD",
    });
    const url = new URL(requests[0]?.path ?? "", baseUrl);
    expect(url.pathname).toBe(`/v21.0/${phoneId}`);
    expect(url.searchParams.get("fields")).toBe(
      "id,display_phone_number,verified_name,quality_rating,messaging_limit_tier,throughput",
    );
  });

  it("pages through templates with the after cursor", async () => {
    const template = (id: string, name: string) => ({
      id,
      name,
      language: "en_US",
      status: "APPROVED",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Hi {{1}}" }],
      quality_score: { score: "GREEN", date: 1749416383 },
    });
    replies.push(
      {
        json: {
          data: [template("1", "a"), template("2", "b")],
          paging: {
            cursors: { before: "QVFIUb", after: "QVFIUa" },
            next: `${baseUrl}/v21.0/waba/message_templates?after=QVFIUa`,
          },
        },
      },
      { json: { data: [template("3", "c")], paging: { cursors: { before: "QVFIUc", after: "QVFIUd" } } } },
    );
    const first = await client.listTemplates("102290129340398", { limit: 2 });
    expect(first.nextCursor).toBe("QVFIUa");
    expect(first.templates[0]).toEqual({
      id: "1",
      name: "a",
      language: "en_US",
      status: "APPROVED",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Hi {{1}}" }],
      qualityScore: "GREEN",
    });
    const second = await client.listTemplates("102290129340398", { after: "QVFIUa", limit: 2 });
    expect(second).toMatchObject({ nextCursor: null, templates: [{ id: "3" }] });
    const [firstUrl, secondUrl] = requests.map((request) => new URL(request.path, baseUrl));
    expect(firstUrl?.pathname).toBe("/v21.0/102290129340398/message_templates");
    expect(firstUrl?.searchParams.get("limit")).toBe("2");
    expect(firstUrl?.searchParams.has("after")).toBe(false);
    expect(firstUrl?.searchParams.get("fields")).toBe(
      "id,name,language,status,category,components,quality_score,rejected_reason",
    );
    expect(secondUrl?.searchParams.get("after")).toBe("QVFIUa");
  });

  it("creates a template in Meta's component format", async () => {
    replies.push({ json: { id: "572279198452421", status: "PENDING", category: "MARKETING" } });
    const created = await client.createTemplate("102290129340398", {
      name: "seasonal_promotion",
      language: "en_US",
      category: "MARKETING",
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2UvanBlZw==:ARZ"] } },
        {
          type: "BODY",
          text: "Shop now through {{1}} and use code {{2}}.",
          example: { body_text: [["the end of August", "25OFF"]] },
        },
        { type: "FOOTER", text: "Use the buttons below to manage your subscriptions" },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "Unsubscribe" },
            {
              type: "URL",
              text: "Shop",
              url: "https://www.luckyshrub.com/shop/{{1}}",
              example: ["https://www.luckyshrub.com/shop/summer"],
            },
            { type: "PHONE_NUMBER", text: "Call", phone_number: "15550051310" },
          ],
        },
      ],
    });
    expect(created).toEqual({ id: "572279198452421", status: "PENDING", category: "MARKETING" });
    expect(requests[0]).toMatchObject({ method: "POST", path: "/v21.0/102290129340398/message_templates" });
    expect(lastJson()).toEqual({
      name: "seasonal_promotion",
      language: "en_US",
      category: "MARKETING",
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2UvanBlZw==:ARZ"] } },
        {
          type: "BODY",
          text: "Shop now through {{1}} and use code {{2}}.",
          example: { body_text: [["the end of August", "25OFF"]] },
        },
        { type: "FOOTER", text: "Use the buttons below to manage your subscriptions" },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "Unsubscribe" },
            {
              type: "URL",
              text: "Shop",
              url: "https://www.luckyshrub.com/shop/{{1}}",
              example: ["https://www.luckyshrub.com/shop/summer"],
            },
            { type: "PHONE_NUMBER", text: "Call", phone_number: "15550051310" },
          ],
        },
      ],
    });
  });
});

async function failureOf(call: Promise<unknown>): Promise<WhatsAppApiError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WhatsAppApiError);
  return error as WhatsAppApiError;
}

describe("errors", () => {
  const text = { type: "text", body: "hi" } as const;

  it("400 with 131047 (24h window closed) is not retryable and keeps Meta's fields", async () => {
    replies.push({
      status: 400,
      json: {
        error: {
          message: "(#131047) Re-engagement message",
          type: "OAuthException",
          code: 131047,
          error_data: {
            messaging_product: "whatsapp",
            details:
              "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
          },
          fbtrace_id: "AXb7hTn3p5lQ",
        },
      },
    });
    const error = await failureOf(client.sendMessage(phoneId, "16505551234", text));
    expect(error).toMatchObject({
      httpStatus: 400,
      code: 131047,
      title: "OAuthException",
      message: "(#131047) Re-engagement message",
      details:
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
      fbtraceId: "AXb7hTn3p5lQ",
      retryable: false,
    });
    expect(error.subcode).toBeUndefined();
  });

  it("throttling is retryable: HTTP 429, and code 130429 or 4 even under a 400", async () => {
    replies.push(
      {
        status: 429,
        json: {
          error: {
            message: "(#130429) Rate limit hit",
            type: "OAuthException",
            code: 130429,
            error_subcode: 2494055,
          },
        },
      },
      {
        status: 400,
        json: {
          error: { message: "(#4) Application request limit reached", type: "OAuthException", code: 4 },
        },
      },
    );
    expect(await failureOf(client.sendMessage(phoneId, "16505551234", text))).toMatchObject({
      httpStatus: 429,
      code: 130429,
      subcode: 2494055,
      retryable: true,
    });
    expect(await failureOf(client.sendMessage(phoneId, "16505551234", text))).toMatchObject({
      httpStatus: 400,
      code: 4,
      retryable: true,
    });
  });

  it("503 with a non-JSON body is retryable", async () => {
    replies.push({ status: 503, body: "<html>Service Unavailable</html>", contentType: "text/html" });
    expect(await failureOf(client.getMediaInfo("1"))).toMatchObject({
      httpStatus: 503,
      code: 0,
      retryable: true,
    });
  });

  it("a 200 with an undocumented body is an error, not a silent success", async () => {
    replies.push({ json: { messaging_product: "whatsapp" } });
    expect(await failureOf(client.sendMessage(phoneId, "16505551234", text))).toMatchObject({
      httpStatus: 200,
      title: "Unexpected response",
      retryable: false,
    });
  });

  it("connection refused and timeouts are retryable with httpStatus 0", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = createWhatsAppCloudClient({ baseUrl: `http://127.0.0.1:${port}`, accessToken: "t" });
    expect(await failureOf(refused.sendMessage(phoneId, "16505551234", text))).toMatchObject({
      httpStatus: 0,
      code: 0,
      retryable: true,
      title: "Network error",
    });

    replies.push("hang");
    const impatient = createWhatsAppCloudClient({ baseUrl, accessToken: "t", timeoutMs: 100 });
    expect(await failureOf(impatient.markRead(phoneId, "wamid.x"))).toMatchObject({
      httpStatus: 0,
      retryable: true,
      title: "Timeout",
    });
  });

  it("uses the configured API version and an injected fetch", async () => {
    const seen: string[] = [];
    const custom = createWhatsAppCloudClient({
      baseUrl: "https://graph.example.test",
      apiVersion: "v23.0",
      accessToken: "t",
      fetch: async (input) => {
        seen.push(String(input));
        return new Response(JSON.stringify({ success: true }), { status: 200 });
      },
    });
    await custom.markRead(phoneId, "wamid.x");
    expect(seen).toEqual([`https://graph.example.test/v23.0/${phoneId}/messages`]);
  });
});
