import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { unreadCountsQuery } from "./inbox-api";
import { pollWithoutSocketMs, useUnreadRealtime } from "./use-inbox-realtime";

/** The navigation's count of unread conversations, kept live by the realtime socket. */
export function InboxNavBadge() {
  const { t, i18n } = useTranslation();
  const connected = useUnreadRealtime();
  const unread = useQuery({ ...unreadCountsQuery, refetchInterval: connected ? false : pollWithoutSocketMs });
  const count = unread.data?.all ?? 0;
  if (count === 0) return null;
  return (
    <span
      data-testid="inbox-unread-badge"
      className="ms-auto rounded-full bg-accent-600 px-1.5 text-xs font-semibold text-white"
    >
      <span aria-hidden="true">{new Intl.NumberFormat(i18n.language).format(count)}</span>
      <span className="sr-only">{t("inbox.unreadConversations", { count })}</span>
    </span>
  );
}
