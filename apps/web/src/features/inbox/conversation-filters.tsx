import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  channelsQuery,
  conversationViews,
  statusFilters,
  unreadCountsQuery,
  type WhatsAppChannel,
} from "./inbox-api";
import { type InboxSearch, listParamsOf } from "./inbox-search";

const selectClass =
  "focus-ring min-w-0 flex-1 rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm";

/** A number as agents know it: the business name and the phone number. */
const channelLabel = (channel: WhatsAppChannel) =>
  [channel.verifiedName, channel.displayPhoneNumber].filter(Boolean).join(" · ") || channel.phoneNumberId;

/**
 * Mine / Unassigned / All with their unread counts, the status, and the number when there are several.
 * Each choice is in the URL; picking one leaves the open conversation open.
 */
export function ConversationFilters({
  search,
  conversationId,
  onChange,
}: {
  search: InboxSearch;
  conversationId: string | undefined;
  onChange: (next: InboxSearch) => void;
}) {
  const { t } = useTranslation();
  const unread = useQuery(unreadCountsQuery);
  const channels = useQuery(channelsQuery);
  const params = listParamsOf(search);

  return (
    <div className="flex flex-col gap-2 border-b border-neutral-200 px-3 pt-3 pb-2">
      <nav aria-label={t("inbox.views.label")}>
        <ul className="flex gap-1">
          {conversationViews.map((view) => {
            const count = unread.data?.[view] ?? 0;
            const next = { ...search, view: view === "all" ? undefined : view };
            return (
              <li key={view} className="flex-1">
                <Link
                  to={conversationId ? "/inbox/$conversationId" : "/inbox"}
                  params={conversationId ? { conversationId } : {}}
                  search={next}
                  aria-current={params.view === view ? "true" : undefined}
                  className="focus-ring flex items-center justify-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-neutral-600 hover:bg-neutral-100 aria-[current=true]:bg-accent-50 aria-[current=true]:text-accent-700"
                >
                  {t(`inbox.views.${view}`)}
                  {count > 0 ? (
                    <span className="rounded-full bg-neutral-200 px-1.5 text-xs text-neutral-800">
                      <span aria-hidden="true">{count}</span>
                      <span className="sr-only">{t("inbox.list.unread", { count })}</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="flex gap-2">
        <select
          aria-label={t("inbox.filters.status")}
          value={params.status}
          onChange={(event) => {
            const status = event.target.value as (typeof statusFilters)[number];
            onChange({ ...search, status: status === "active" ? undefined : status });
          }}
          className={selectClass}
        >
          {statusFilters.map((status) => (
            <option key={status} value={status}>
              {t(`inbox.filters.${status}`)}
            </option>
          ))}
        </select>
        {channels.data && channels.data.length > 1 ? (
          <select
            aria-label={t("inbox.filters.number")}
            value={search.channel ?? ""}
            onChange={(event) => onChange({ ...search, channel: event.target.value || undefined })}
            className={selectClass}
          >
            <option value="">{t("inbox.filters.allNumbers")}</option>
            {channels.data.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channelLabel(channel)}
              </option>
            ))}
          </select>
        ) : null}
      </div>
    </div>
  );
}
