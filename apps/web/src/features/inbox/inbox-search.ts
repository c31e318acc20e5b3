import { type ConversationListParams, conversationViews, statusFilters } from "./inbox-api";

/** The list's view, status and number; defaults are left out so a plain `/inbox` link stays plain. */
export type InboxSearch = {
  view?: Exclude<ConversationListParams["view"], "all">;
  status?: Exclude<ConversationListParams["status"], "active">;
  channel?: string;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  values.includes(value as T);

/** Reads the list's search params from a link that may have been typed by hand; unknown values drop. */
export function validateInboxSearch(search: Record<string, unknown>): InboxSearch {
  const result: InboxSearch = {};
  if (isOneOf(conversationViews, search.view) && search.view !== "all") result.view = search.view;
  if (isOneOf(statusFilters, search.status) && search.status !== "active") result.status = search.status;
  if (typeof search.channel === "string" && uuidPattern.test(search.channel)) result.channel = search.channel;
  return result;
}

/** The list's query parameters, defaults filled in. */
export const listParamsOf = (search: InboxSearch): ConversationListParams => ({
  view: search.view ?? "all",
  status: search.status ?? "active",
  channelId: search.channel,
});
