import { z } from "zod";
import { createNetworkError, readApiError, WhatsAppApiError } from "./errors.ts";
import {
  buildTemplatePayload,
  type CreatedTemplate,
  readCreatedTemplate,
  readTemplatePage,
  type TemplateDefinition,
  type TemplatePage,
  templateListFields,
} from "./message-templates.ts";
import {
  buildMessagePayload,
  type OutboundMessage,
  readSendResponse,
  type SendOptions,
  type SentMessage,
} from "./outbound-message.ts";

export type WhatsAppCloudClientOptions = {
  /** `https://graph.facebook.com`, or the sandbox's stand-in. */
  baseUrl: string;
  apiVersion?: string;
  accessToken: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
};

export type MediaUpload = { data: Buffer; mimeType: string; filename: string };
export type MediaInfo = { url: string; mimeType: string; sha256: string; fileSize: number };
export type DownloadedMedia = { data: Buffer; mimeType: string };
export type PhoneNumberInfo = {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: string;
  messagingLimitTier?: string;
  throughputLevel?: string;
};

/** Every call throws `WhatsAppApiError` on failure; its `retryable` tells a job whether to try again. */
export type WhatsAppCloudClient = {
  sendMessage(
    phoneNumberId: string,
    to: string,
    message: OutboundMessage,
    options?: SendOptions,
  ): Promise<SentMessage>;
  markRead(phoneNumberId: string, messageId: string): Promise<void>;
  uploadMedia(phoneNumberId: string, file: MediaUpload): Promise<{ id: string }>;
  getMediaInfo(mediaId: string): Promise<MediaInfo>;
  /** The URL from `getMediaInfo`, valid for a few minutes and only with the bearer token. */
  downloadMedia(url: string): Promise<DownloadedMedia>;
  getPhoneNumber(phoneNumberId: string): Promise<PhoneNumberInfo>;
  listTemplates(wabaId: string, page?: { after?: string; limit?: number }): Promise<TemplatePage>;
  createTemplate(wabaId: string, template: TemplateDefinition): Promise<CreatedTemplate>;
};

type Exchange = { status: number; headers: Headers; bytes: Buffer };

const phoneNumberFields =
  "id,display_phone_number,verified_name,quality_rating,messaging_limit_tier,throughput";

const markReadSchema = z.looseObject({ success: z.literal(true) });
const uploadSchema = z.looseObject({ id: z.string() });
const mediaInfoSchema = z.looseObject({
  url: z.string(),
  mime_type: z.string(),
  sha256: z.string(),
  file_size: z.coerce.number(),
});
const phoneNumberSchema = z.looseObject({
  id: z.string(),
  display_phone_number: z.string(),
  verified_name: z.string(),
  quality_rating: z.string(),
  messaging_limit_tier: z.string().optional(),
  throughput: z.looseObject({ level: z.string() }).optional(),
});

/** A thin client of the WhatsApp Cloud API (Graph API), holding one access token. */
export function createWhatsAppCloudClient(options: WhatsAppCloudClientOptions): WhatsAppCloudClient {
  const { accessToken, apiVersion = "v21.0", timeoutMs = 15_000 } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const root = `${options.baseUrl.replace(/\/+$/, "")}/${apiVersion}`;

  async function exchange(
    url: string,
    init: RequestInit & { headers?: Record<string, string> },
  ): Promise<Exchange> {
    let response: Response;
    let bytes: Buffer;
    try {
      response = await fetchFn(url, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (cause) {
      throw createNetworkError(cause, timeoutMs);
    }
    if (!response.ok) throw readApiError(response.status, parseBody(bytes));
    return { status: response.status, headers: response.headers, bytes };
  }

  async function callGraph<T>(
    read: (body: unknown) => T | null,
    method: "GET" | "POST",
    path: string,
    request: { query?: Record<string, string | undefined>; json?: unknown; form?: FormData } = {},
  ): Promise<T> {
    const url = new URL(`${root}/${path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const answer = await exchange(url.toString(), {
      method,
      ...(request.json === undefined
        ? { body: request.form }
        : { body: JSON.stringify(request.json), headers: { "content-type": "application/json" } }),
    });
    const body = parseBody(answer.bytes);
    const result = read(body);
    if (result === null) {
      throw new WhatsAppApiError({
        httpStatus: answer.status,
        code: 0,
        title: "Unexpected response",
        message: `${method} /${path} answered a body the WhatsApp Cloud API does not document: ${answer.bytes.toString("utf8").slice(0, 200)}`,
      });
    }
    return result;
  }

  const segment = encodeURIComponent;

  return {
    sendMessage: (phoneNumberId, to, message, sendOptions) =>
      callGraph(readSendResponse, "POST", `${segment(phoneNumberId)}/messages`, {
        json: buildMessagePayload(to, message, sendOptions),
      }),

    markRead: async (phoneNumberId, messageId) => {
      await callGraph(parseWith(markReadSchema), "POST", `${segment(phoneNumberId)}/messages`, {
        json: { messaging_product: "whatsapp", status: "read", message_id: messageId },
      });
    },

    uploadMedia: async (phoneNumberId, file) => {
      const form = new FormData();
      form.append("messaging_product", "whatsapp");
      form.append("type", file.mimeType);
      form.append("file", new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.filename);
      const uploaded = await callGraph(parseWith(uploadSchema), "POST", `${segment(phoneNumberId)}/media`, {
        form,
      });
      return { id: uploaded.id };
    },

    getMediaInfo: async (mediaId) => {
      const info = await callGraph(parseWith(mediaInfoSchema), "GET", segment(mediaId));
      return { url: info.url, mimeType: info.mime_type, sha256: info.sha256, fileSize: info.file_size };
    },

    downloadMedia: async (url) => {
      const answer = await exchange(url, { method: "GET" });
      return {
        data: answer.bytes,
        mimeType: answer.headers.get("content-type") ?? "application/octet-stream",
      };
    },

    getPhoneNumber: async (phoneNumberId) => {
      const phone = await callGraph(parseWith(phoneNumberSchema), "GET", segment(phoneNumberId), {
        query: { fields: phoneNumberFields },
      });
      return {
        id: phone.id,
        displayPhoneNumber: phone.display_phone_number,
        verifiedName: phone.verified_name,
        qualityRating: phone.quality_rating,
        messagingLimitTier: phone.messaging_limit_tier,
        throughputLevel: phone.throughput?.level,
      };
    },

    listTemplates: (wabaId, page = {}) =>
      callGraph(readTemplatePage, "GET", `${segment(wabaId)}/message_templates`, {
        query: {
          fields: templateListFields,
          limit: page.limit === undefined ? undefined : String(page.limit),
          after: page.after,
        },
      }),

    createTemplate: (wabaId, template) =>
      callGraph(readCreatedTemplate, "POST", `${segment(wabaId)}/message_templates`, {
        json: buildTemplatePayload(template),
      }),
  };
}

function parseBody(bytes: Buffer): unknown {
  const text = bytes.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseWith<T>(schema: z.ZodType<T>): (body: unknown) => T | null {
  return (body) => {
    const parsed = schema.safeParse(body);
    return parsed.success ? parsed.data : null;
  };
}
