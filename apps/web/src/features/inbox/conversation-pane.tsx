import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { ContactPanel } from "./contact-panel";
import { conversationQuery, conversationsKey, markConversationRead, unreadKey } from "./inbox-api";
import type { InboxSearch } from "./inbox-search";
import { MessageThread } from "./message-thread";
import { useUpdateConversation } from "./use-conversation-actions";
import { useMemberNames } from "./use-member-names";
import { useShortcuts } from "./use-shortcuts";

/**
 * The open conversation: the chat in the middle, the contact beside it (behind a button on narrower
 * screens). Opening it, or a new message arriving while it is open and visible, marks it read.
 */
export function ConversationPane({
  conversationId,
  search,
  now,
  contactOpen,
  onContactOpenChange,
}: {
  conversationId: string;
  search: InboxSearch;
  now: number;
  contactOpen: boolean;
  onContactOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const conversation = useQuery(conversationQuery(conversationId));
  const memberName = useMemberNames();
  const update = useUpdateConversation(conversationId);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const assigneeRef = useRef<HTMLSelectElement>(null);

  const { mutate: markRead } = useMutation({
    mutationFn: () => markConversationRead(conversationId),
    onSuccess: (read) => {
      queryClient.setQueryData(conversationQuery(conversationId).queryKey, read);
      void queryClient.invalidateQueries({ queryKey: conversationsKey });
      void queryClient.invalidateQueries({ queryKey: unreadKey });
    },
  });
  const unread = conversation.data?.unreadCount ?? 0;
  useEffect(() => {
    if (unread === 0) return;
    if (document.visibilityState === "visible") {
      markRead();
      return;
    }
    // Read only once someone looks: a background tab does not count.
    const markWhenVisible = () => {
      if (document.visibilityState === "visible") markRead();
    };
    document.addEventListener("visibilitychange", markWhenVisible);
    return () => document.removeEventListener("visibilitychange", markWhenVisible);
  }, [unread, markRead]);

  const resolved = conversation.data?.status === "resolved";
  useShortcuts({
    r: () => replyRef.current?.focus(),
    e: () => {
      if (conversation.data && !resolved && !update.isPending) update.mutate({ status: "resolved" });
    },
    a: () => {
      const picker = assigneeRef.current;
      if (!picker) return;
      picker.focus();
      try {
        picker.showPicker();
      } catch {
        // Browsers without showPicker on a select leave it focused: arrows or Space open it.
      }
    },
  });

  if (conversation.isPending) {
    return <div aria-busy="true" className="flex-1 animate-pulse bg-neutral-50" />;
  }
  if (conversation.isError) {
    const problem = problemOf(conversation.error);
    return (
      <div role="alert" className="flex flex-1 flex-col items-center justify-center px-6 text-center">
        <p className="font-medium">
          {problem?.status === 404 ? t("inbox.chat.notFound") : t("inbox.chat.failed")}
        </p>
        <p className="mt-1 text-sm text-neutral-600">{problem?.detail}</p>
        <Link
          to="/inbox"
          search={search}
          className="focus-ring mt-3 rounded text-sm font-medium text-accent-700 hover:underline"
        >
          {t("inbox.chat.back")}
        </Link>
      </div>
    );
  }
  const current = conversation.data;

  return (
    <>
      <section
        aria-label={t("inbox.chat.label", { name: current.contact.name })}
        className={`flex min-w-0 flex-1 flex-col ${contactOpen ? "max-sm:hidden" : ""}`}
      >
        <ChatHeader
          conversation={current}
          search={search}
          update={update}
          assigneeRef={assigneeRef}
          contactOpen={contactOpen}
          onContactOpenChange={onContactOpenChange}
        />
        <MessageThread conversation={current} memberName={memberName} />
        <Composer
          ref={replyRef}
          conversation={current}
          now={now}
          onReopen={() => update.mutate({ status: "open" })}
        />
      </section>
      <aside
        aria-label={t("inbox.contact.title")}
        className={`w-full shrink-0 overflow-y-auto border-neutral-200 sm:w-72 sm:border-s ${contactOpen ? "" : "hidden"} xl:block`}
      >
        <button
          type="button"
          onClick={() => onContactOpenChange(false)}
          className="focus-ring m-4 mb-0 rounded text-sm font-medium text-accent-700 xl:hidden"
        >
          <span aria-hidden="true" className="inline-block rtl:rotate-180">
            ←
          </span>{" "}
          {t("inbox.contact.back")}
        </button>
        <ContactPanel conversation={current} search={search} now={now} />
      </aside>
    </>
  );
}
