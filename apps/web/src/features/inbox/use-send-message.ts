import { type InfiniteData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { meQuery } from "../session/me-query";
import {
  addInternalNote,
  conversationQuery,
  conversationsKey,
  type Message,
  messagesQuery,
  type Reply,
  sendReply,
} from "./inbox-api";

export type Outgoing =
  | { kind: "reply"; reply: Reply; preview: string }
  | { kind: "note"; body: string; mentions: string[] };
type MessagePages = InfiniteData<{ data: Message[]; nextCursor: string | null }>;

const withNewest = (pages: MessagePages | undefined, message: Message): MessagePages | undefined => {
  if (!pages) return pages;
  if (pages.pages.some((page) => page.data.some((entry) => entry.id === message.id))) return pages;
  const [first, ...rest] = pages.pages;
  return {
    ...pages,
    pages: [{ data: [message, ...(first?.data ?? [])], nextCursor: first?.nextCursor ?? null }, ...rest],
  };
};

const without = (pages: MessagePages | undefined, id: string): MessagePages | undefined =>
  pages && {
    ...pages,
    pages: pages.pages.map((page) => ({ ...page, data: page.data.filter((entry) => entry.id !== id) })),
  };

/**
 * Sends a reply (text, attachment or template) or an internal note. The message shows in the thread at once (queued, its clock
 * ticking) and is swapped for the server's copy when it answers; a refusal takes it out again.
 */
export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);
  const key = messagesQuery(conversationId).queryKey;

  return useMutation({
    mutationFn: ({ outgoing, idempotencyKey }: { outgoing: Outgoing; idempotencyKey: string }) =>
      outgoing.kind === "reply"
        ? sendReply({ conversationId, reply: outgoing.reply, idempotencyKey })
        : addInternalNote({
            conversationId,
            body: outgoing.body,
            mentions: outgoing.mentions,
            idempotencyKey,
          }),
    onMutate: async ({ outgoing, idempotencyKey }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const placeholder: Message = {
        id: `pending-${idempotencyKey}`,
        conversationId,
        direction: "outbound",
        kind: outgoing.kind === "note" ? "note" : "message",
        type: outgoing.kind === "note" ? "text" : outgoing.reply.type,
        body: outgoing.kind === "note" ? outgoing.body : outgoing.preview,
        media: null,
        status: outgoing.kind === "note" ? "internal" : "queued",
        statusAt: null,
        error: null,
        authorId: me.data?.caller.type === "user" ? me.data.caller.id : null,
        providerMessageId: null,
        replyToProviderId: null,
        occurredAt: new Date().toISOString(),
      };
      queryClient.setQueryData<MessagePages>(key, (pages) => withNewest(pages, placeholder));
      return { placeholderId: placeholder.id };
    },
    onSuccess: (message, _variables, context) => {
      queryClient.setQueryData<MessagePages>(key, (pages) =>
        withNewest(without(pages, context.placeholderId), message),
      );
    },
    onError: (_error, _variables, context) => {
      if (context)
        queryClient.setQueryData<MessagePages>(key, (pages) => without(pages, context.placeholderId));
      // A refusal may come from a window that closed or a resolution since the page loaded.
      void queryClient.invalidateQueries({ queryKey: conversationQuery(conversationId).queryKey });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: conversationsKey });
    },
  });
}
