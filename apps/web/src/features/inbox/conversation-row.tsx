import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Icon } from "../../components/icons";
import { initialsOf } from "../contacts/contact-format";
import type { Conversation } from "./inbox-api";
import type { InboxSearch } from "./inbox-search";
import { formatRelativeTime } from "./relative-time";
import { WindowCountdown } from "./window-countdown";

export const conversationRowHeight = 88;

/** One conversation in the list: who, the last message, when, unread, assignee and the reply window. */
export function ConversationRow({
  conversation,
  current,
  search,
  now,
  assigneeName,
}: {
  conversation: Conversation;
  current: boolean;
  search: InboxSearch;
  now: number;
  assigneeName: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const unread = conversation.unreadCount > 0;
  const preview = conversation.lastMessagePreview ?? t("inbox.list.noPreview");
  return (
    <Link
      to="/inbox/$conversationId"
      params={{ conversationId: conversation.id }}
      search={search}
      aria-current={current ? "page" : undefined}
      data-testid="conversation-row"
      data-conversation-id={conversation.id}
      className="focus-ring flex h-full flex-col justify-center gap-0.5 border-b border-neutral-100 px-4 text-sm hover:bg-neutral-50 focus-visible:-outline-offset-2 aria-[current=page]:bg-accent-50"
    >
      <span className="flex items-baseline gap-2">
        <span
          className={`min-w-0 flex-1 truncate ${unread ? "font-semibold" : "font-medium"} text-neutral-900`}
        >
          {conversation.contact.name}
        </span>
        <time dateTime={conversation.lastMessageAt} className="shrink-0 text-xs text-neutral-500">
          {formatRelativeTime(conversation.lastMessageAt, now, i18n.language)}
        </time>
      </span>
      <span className="flex items-center gap-2">
        <span className={`min-w-0 flex-1 truncate ${unread ? "text-neutral-900" : "text-neutral-600"}`}>
          {conversation.lastMessageDirection === "outbound" ? (
            <>
              <Icon
                name="reply"
                className="me-1 inline size-3.5 align-[-2px] text-neutral-500 rtl:-scale-x-100"
              />
              <span className="sr-only">{t("inbox.list.replied")} </span>
            </>
          ) : null}
          {preview}
        </span>
        {unread ? (
          <span
            data-testid="conversation-unread"
            className="shrink-0 rounded-full bg-green-600 px-1.5 text-xs font-semibold text-white"
          >
            <span aria-hidden="true">{conversation.unreadCount}</span>
            <span className="sr-only">{t("inbox.list.unread", { count: conversation.unreadCount })}</span>
          </span>
        ) : null}
      </span>
      <span className="flex items-center gap-2">
        <WindowCountdown window={conversation.window} now={now} />
        {conversation.status !== "open" ? (
          <span className="rounded bg-neutral-100 px-1.5 text-xs text-neutral-700">
            {t(`inbox.status.${conversation.status}`)}
          </span>
        ) : null}
        <span className="flex-1" />
        {conversation.assigneeId ? (
          <span
            data-testid="conversation-assignee"
            title={t("inbox.list.assignedTo", { name: assigneeName ?? t("inbox.assignee.someone") })}
            className="grid size-6 shrink-0 place-items-center rounded-full bg-accent-100 text-[0.65rem] font-semibold text-accent-700"
          >
            <span aria-hidden="true">{assigneeName ? initialsOf(assigneeName) : "?"}</span>
            <span className="sr-only">
              {t("inbox.list.assignedTo", { name: assigneeName ?? t("inbox.assignee.someone") })}
            </span>
          </span>
        ) : null}
      </span>
    </Link>
  );
}
