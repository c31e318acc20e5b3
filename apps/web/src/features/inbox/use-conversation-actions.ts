import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type ConversationChanges,
  conversationQuery,
  conversationsKey,
  unreadKey,
  updateConversation,
} from "./inbox-api";

/**
 * Assigns, snoozes, resolves or reopens the conversation; the answer replaces the cached one at once,
 * and the lists refresh, since the change may move it out of the current view.
 */
export function useUpdateConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ConversationChanges) => updateConversation({ id: conversationId, changes }),
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationQuery(conversationId).queryKey, conversation);
      void queryClient.invalidateQueries({ queryKey: conversationsKey });
      void queryClient.invalidateQueries({ queryKey: unreadKey });
    },
  });
}
