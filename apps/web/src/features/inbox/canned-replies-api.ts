import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, type Schemas } from "../../lib/api";
import type { paths } from "../../lib/api-schema";
import { ProblemError, toProblem } from "../../lib/problem";
import { inboxKey } from "./inbox-api";

export type CannedReply = Schemas["CannedReply"];
export type CannedReplyInput =
  paths["/api/v1/canned-replies"]["post"]["requestBody"]["content"]["application/json"];

export const cannedRepliesKey = [...inboxKey, "canned-replies"] as const;

/** The variables a canned reply may use, filled from the conversation's contact when it is inserted. */
export const cannedReplyVariables = [
  "contact.name",
  "contact.first_name",
  "contact.last_name",
  "contact.phone",
  "contact.email",
] as const;

const suggestionCount = 8;

async function fetchCannedReplies(query: {
  q?: string;
  conversationId?: string;
  cursor?: string;
  limit?: number;
}) {
  const { data, error, response } = await api.GET("/api/v1/canned-replies", { params: { query } });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function createCannedReply(input: CannedReplyInput): Promise<CannedReply> {
  const { data, error, response } = await api.POST("/api/v1/canned-replies", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function updateCannedReply(input: {
  id: string;
  changes: CannedReplyInput;
}): Promise<CannedReply> {
  const { data, error, response } = await api.PATCH("/api/v1/canned-replies/{id}", {
    params: { path: { id: input.id } },
    body: input.changes,
  });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function deleteCannedReply(id: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/canned-replies/{id}", { params: { path: { id } } });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

/** Every canned reply by shortcut, for the settings page. */
export const cannedRepliesQuery = infiniteQueryOptions({
  queryKey: [...cannedRepliesKey, "all"],
  queryFn: ({ pageParam }) => fetchCannedReplies({ cursor: pageParam }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

/**
 * The first canned replies matching what follows `/`, rendered for the conversation's contact.
 * The previous answer stays while the next one loads, so the list does not flicker as one types.
 */
export const cannedReplySuggestionsQuery = (conversationId: string, q: string) =>
  queryOptions({
    queryKey: [...cannedRepliesKey, "suggestions", conversationId, q],
    queryFn: async () =>
      (await fetchCannedReplies({ q: q || undefined, conversationId, limit: suggestionCount })).data,
    placeholderData: keepPreviousData,
  });
