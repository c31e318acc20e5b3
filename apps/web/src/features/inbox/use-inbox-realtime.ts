import { useQueryClient } from "@tanstack/react-query";
import { useRealtimeConnected, useRealtimeEvent } from "../../lib/use-realtime";
import { conversationsKey, inboxKey, messagesKey, unreadKey } from "./inbox-api";
import { templatesKey } from "./templates/templates-api";

type MessageCreatedEvent = {
  conversationId: string;
  messageId: string;
  direction: "inbound" | "outbound";
  note?: boolean;
};
type MessageStatusEvent = { conversationId: string; messageId: string; status: string };
type ConversationUpdatedEvent = { conversationId: string };

/** How often the unread counts are asked for while the realtime socket is down. */
export const pollWithoutSocketMs = 15_000;

/**
 * Keeps the inbox's queries in step with the organisation's events: each event marks what it
 * touches as stale, and TanStack Query refetches only what is on screen. After a reconnection
 * everything is refreshed, since events may have been missed meanwhile.
 */
export function useInboxRealtime(): boolean {
  const queryClient = useQueryClient();
  const refresh = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });

  useRealtimeEvent<MessageCreatedEvent>("inbox.message.created", (event) => {
    refresh([...messagesKey, event.conversationId]);
    if (!event.note) refresh(conversationsKey);
  });
  useRealtimeEvent<MessageStatusEvent>("inbox.message.status", (event) =>
    refresh([...messagesKey, event.conversationId]),
  );
  useRealtimeEvent<ConversationUpdatedEvent>("inbox.conversation.updated", () => refresh(conversationsKey));
  // The event names the file, not its message: refresh the threads on screen, which are few.
  useRealtimeEvent("inbox.media.ready", () => refresh(messagesKey));
  useRealtimeEvent("inbox.channel.changed", () => refresh([...inboxKey, "channels"]));
  // A sync finished, or Meta reviewed a template: the picker's lists change.
  useRealtimeEvent("inbox.template.changed", () => refresh(templatesKey));
  // A fetch still running when the socket (re)connects is fresh enough: cancelling it would show as a failed request.
  useRealtimeEvent(
    "realtime.ready",
    () => void queryClient.invalidateQueries({ queryKey: inboxKey }, { cancelRefetch: false }),
  );
  return useRealtimeConnected();
}

/** Keeps the unread counts (the navigation's badge) fresh on every page, not only in the inbox. */
export function useUnreadRealtime(): boolean {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: unreadKey });
  useRealtimeEvent<MessageCreatedEvent>("inbox.message.created", (event) => {
    if (event.direction === "inbound") refresh();
  });
  useRealtimeEvent("inbox.conversation.updated", refresh);
  useRealtimeEvent(
    "realtime.ready",
    () => void queryClient.invalidateQueries({ queryKey: unreadKey }, { cancelRefetch: false }),
  );
  return useRealtimeConnected();
}
