import { Link } from "@tanstack/react-router";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { formatDateTime } from "../members/format-date";
import { InlineAlert } from "../members/inline-alert";
import { AssigneePicker } from "./assignee-picker";
import type { Conversation, ConversationChanges } from "./inbox-api";
import type { InboxSearch } from "./inbox-search";
import { SnoozeMenu } from "./snooze-menu";
import type { useUpdateConversation } from "./use-conversation-actions";

const secondaryButton =
  "focus-ring rounded-md border border-neutral-300 bg-white px-2.5 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60 aria-expanded:bg-neutral-100";

/** Who the customer is, and what the team does with the conversation: status and assignee. */
export function ChatHeader({
  conversation,
  search,
  update,
  assigneeRef,
  contactOpen,
  onContactOpenChange,
}: {
  conversation: Conversation;
  search: InboxSearch;
  update: ReturnType<typeof useUpdateConversation>;
  assigneeRef: Ref<HTMLSelectElement>;
  contactOpen: boolean;
  onContactOpenChange: (open: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const change = (changes: ConversationChanges) => update.mutate(changes);
  const busy = update.isPending;
  const resolved = conversation.status === "resolved";

  return (
    <header className="border-b border-neutral-200 px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Link
          to="/inbox"
          search={search}
          className="focus-ring -ms-1 rounded px-1 text-sm font-medium text-accent-700 sm:hidden"
        >
          <span aria-hidden="true" className="inline-block rtl:rotate-180">
            ←
          </span>{" "}
          {t("inbox.chat.back")}
        </Link>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold tracking-tight" data-testid="chat-contact-name">
            {conversation.contact.name}
          </h2>
          <p className="flex flex-wrap gap-x-2 text-xs text-neutral-600">
            <span dir="ltr">{conversation.contact.phone ?? `+${conversation.customerWaId}`}</span>
            <span data-testid="chat-status">
              ·{" "}
              {conversation.status === "snoozed" && conversation.snoozedUntil
                ? t("inbox.status.snoozedUntil", {
                    time: formatDateTime(conversation.snoozedUntil, i18n.language),
                  })
                : t(`inbox.status.${conversation.status}`)}
            </span>
          </p>
        </div>
        <button
          type="button"
          disabled={busy}
          onClick={() => change({ status: resolved ? "open" : "resolved" })}
          className="focus-ring rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {resolved ? t("inbox.actions.reopen") : t("inbox.actions.resolve")}
        </button>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <AssigneePicker
          ref={assigneeRef}
          assigneeId={conversation.assigneeId}
          disabled={busy}
          onAssign={(assigneeId) => change({ assigneeId })}
        />
        {conversation.status === "open" ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => change({ status: "pending" })}
            className={secondaryButton}
          >
            {t("inbox.actions.pending")}
          </button>
        ) : null}
        {conversation.status === "pending" || conversation.status === "snoozed" ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => change({ status: "open" })}
            className={secondaryButton}
          >
            {t("inbox.actions.open")}
          </button>
        ) : null}
        {resolved ? null : (
          <SnoozeMenu
            buttonClass={secondaryButton}
            disabled={busy}
            onSnooze={(until) => change({ status: "snoozed", snoozedUntil: until.toISOString() })}
          />
        )}
        <span className="flex-1" />
        <button
          type="button"
          aria-expanded={contactOpen}
          onClick={() => onContactOpenChange(!contactOpen)}
          className={`${secondaryButton} xl:hidden`}
        >
          {t("inbox.contact.toggle")}
        </button>
      </div>
      <InlineAlert message={problemOf(update.error)?.detail} />
    </header>
  );
}
