import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import type { paths } from "../../lib/api-schema";
import { ProblemError, toProblem } from "../../lib/problem";

export type Conversation = Schemas["Conversation"];
export type Message = Schemas["Message"];
export type DeliveryStatus = Message["status"];
export type WhatsAppChannel = Schemas["WhatsAppChannel"];
type UnreadCounts = Schemas["InboxUnreadCounts"];
export type MediaUpload = Schemas["MediaUpload"];
export type ConversationChanges =
  paths["/api/v1/conversations/{id}"]["patch"]["requestBody"]["content"]["application/json"];

export const conversationViews = ["mine", "unassigned", "all"] as const;
export const statusFilters = ["active", "open", "pending", "snoozed", "resolved"] as const;

/** What the conversation list shows; it lives in the URL so a view can be shared or reloaded. */
export type ConversationListParams = {
  view: (typeof conversationViews)[number];
  status: (typeof statusFilters)[number];
  channelId?: string;
};

type Page<T> = { data: T[]; nextCursor: string | null };

const conversationPageSize = 30;
const messagePageSize = 40;

/** Every inbox query starts with this key, so a reconnection can refresh them all at once. */
export const inboxKey = ["inbox"] as const;
export const conversationsKey = [...inboxKey, "conversations"] as const;
export const messagesKey = [...inboxKey, "messages"] as const;
export const unreadKey = [...inboxKey, "unread"] as const;

const fail = (error: unknown, response: Response) =>
  new ProblemError(toProblem(error as Parameters<typeof toProblem>[0], response));

async function fetchConversations(
  params: ConversationListParams & { contactId?: string },
  cursor: string | undefined,
  limit = conversationPageSize,
): Promise<Page<Conversation>> {
  const { data, error, response } = await api.GET("/api/v1/conversations", {
    params: {
      query: {
        view: params.view,
        status: params.status,
        channelId: params.channelId,
        contactId: params.contactId,
        cursor,
        limit,
      },
    },
  });
  if (!data) throw fail(error, response);
  return data;
}

async function fetchConversation(id: string): Promise<Conversation> {
  const { data, error, response } = await api.GET("/api/v1/conversations/{id}", {
    params: { path: { id } },
  });
  if (!data) throw fail(error, response);
  return data;
}

async function fetchMessages(conversationId: string, cursor: string | undefined): Promise<Page<Message>> {
  const { data, error, response } = await api.GET("/api/v1/conversations/{id}/messages", {
    params: { path: { id: conversationId }, query: { cursor, limit: messagePageSize } },
  });
  if (!data) throw fail(error, response);
  return data;
}

async function fetchUnreadCounts(): Promise<UnreadCounts> {
  const { data, error, response } = await api.GET("/api/v1/conversations/unread");
  if (!data) throw fail(error, response);
  return data;
}

async function fetchChannels(): Promise<WhatsAppChannel[]> {
  const { data, error, response } = await api.GET("/api/v1/channels/whatsapp");
  if (!data) throw fail(error, response);
  return data.data;
}

export async function updateConversation(input: {
  id: string;
  changes: ConversationChanges;
}): Promise<Conversation> {
  const { data, error, response } = await api.PATCH("/api/v1/conversations/{id}", {
    params: { path: { id: input.id } },
    body: input.changes,
  });
  if (!data) throw fail(error, response);
  return data;
}

export async function markConversationRead(id: string): Promise<Conversation> {
  const { data, error, response } = await api.POST("/api/v1/conversations/{id}/read", {
    params: { path: { id } },
  });
  if (!data) throw fail(error, response);
  return data;
}

export type Reply =
  | { type: "text"; text: string }
  | { type: MediaUpload["kind"]; mediaId: string; caption?: string }
  | { type: "template"; template: Schemas["SendTemplateInput"] };

/** Queues a reply; the same `idempotencyKey` sent twice (a double click, a retry) sends it once. */
export async function sendReply(input: {
  conversationId: string;
  reply: Reply;
  idempotencyKey: string;
}): Promise<Message> {
  const { data, error, response } = await api.POST("/api/v1/conversations/{id}/messages", {
    params: { path: { id: input.conversationId }, header: { "idempotency-key": input.idempotencyKey } },
    body: input.reply,
  });
  if (!data) throw fail(error, response);
  return data;
}

/** Adds a note only the team sees; `mentions` are the user ids of the members it names. */
export async function addInternalNote(input: {
  conversationId: string;
  body: string;
  mentions: string[];
  idempotencyKey: string;
}): Promise<Message> {
  const { data, error, response } = await api.POST("/api/v1/conversations/{id}/notes", {
    params: { path: { id: input.conversationId }, header: { "idempotency-key": input.idempotencyKey } },
    body: { body: input.body, mentions: input.mentions.length > 0 ? input.mentions : undefined },
  });
  if (!data) throw fail(error, response);
  return data;
}

export async function retryMessage(id: string): Promise<Message> {
  const { data, error, response } = await api.POST("/api/v1/messages/{id}/retry", {
    params: { path: { id } },
  });
  if (!data) throw fail(error, response);
  return data;
}

/** Uploads an attachment as its raw bytes; the server answers 413 above WhatsApp's size limits. */
export async function uploadMedia(file: File): Promise<MediaUpload> {
  const { data, error, response } = await api.POST("/api/v1/media", {
    params: { query: { fileName: file.name || undefined } },
    // The route reads the raw body, which the OpenAPI document does not describe; the File goes as is.
    body: file as never,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { "Content-Type": file.type || "application/octet-stream" },
  });
  if (!data) throw fail(error, response);
  return data;
}

export const conversationListQuery = (params: ConversationListParams) =>
  infiniteQueryOptions({
    queryKey: [...conversationsKey, "list", params],
    queryFn: ({ pageParam }) => fetchConversations(params, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** A contact's other conversations on every number, active or resolved, for the contact panel. */
export const contactConversationsQuery = (contactId: string, status: "active" | "resolved") =>
  queryOptions({
    queryKey: [...conversationsKey, "contact", contactId, status],
    queryFn: async () => (await fetchConversations({ view: "all", status, contactId }, undefined, 10)).data,
  });

export const conversationQuery = (id: string) =>
  queryOptions({ queryKey: [...conversationsKey, "one", id], queryFn: () => fetchConversation(id) });

export const messagesQuery = (conversationId: string) =>
  infiniteQueryOptions({
    queryKey: [...messagesKey, conversationId],
    queryFn: ({ pageParam }) => fetchMessages(conversationId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const unreadCountsQuery = queryOptions({ queryKey: unreadKey, queryFn: fetchUnreadCounts });

export const channelsQuery = queryOptions({ queryKey: [...inboxKey, "channels"], queryFn: fetchChannels });
