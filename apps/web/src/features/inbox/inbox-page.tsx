import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useParams } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ConversationFilters } from "./conversation-filters";
import { ConversationList } from "./conversation-list";
import { ConversationPane } from "./conversation-pane";
import { conversationListQuery } from "./inbox-api";
import { type InboxSearch, listParamsOf } from "./inbox-search";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { pollWithoutSocketMs, useInboxRealtime } from "./use-inbox-realtime";
import { useMemberNames } from "./use-member-names";
import { useNow } from "./use-now";
import { useShortcuts } from "./use-shortcuts";

const route = getRouteApi("/app/inbox");

/**
 * The team inbox in three panes: conversations, the open chat, and its contact. On a phone one pane
 * shows at a time; the URL says which conversation is open, so Back works as expected.
 */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("nav.inbox"));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { conversationId } = useParams({ strict: false });
  const connected = useInboxRealtime();
  const now = useNow();
  // The conversation whose contact panel is open on narrow screens; another conversation opens on its chat.
  const [contactOpenFor, setContactOpenFor] = useState<string | undefined>(undefined);
  const contactOpen = conversationId !== undefined && contactOpenFor === conversationId;
  const [helpOpen, setHelpOpen] = useState(false);

  const params = listParamsOf(search);
  const list = useInfiniteQuery({
    ...conversationListQuery(params),
    refetchInterval: connected ? false : pollWithoutSocketMs,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const memberName = useMemberNames();

  const open = (id: string) =>
    void navigate({ to: "/inbox/$conversationId", params: { conversationId: id }, search });
  function step(delta: number) {
    const index = rows.findIndex((conversation) => conversation.id === conversationId);
    const next = rows[index < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, index + delta))];
    if (next) open(next.id);
    if (delta > 0 && index >= rows.length - 2 && list.hasNextPage) void list.fetchNextPage();
  }
  useShortcuts({ j: () => step(1), k: () => step(-1), "?": () => setHelpOpen(true) });

  const changeSearch = (next: InboxSearch) => void navigate({ search: next, replace: true });

  return (
    <div className="-mx-4 -my-8 flex h-[calc(100dvh-3.5rem-1px)] overflow-hidden bg-white sm:-mx-6 md:h-dvh lg:-mx-10">
      <section
        aria-label={t("inbox.list.label")}
        className={`flex w-full min-w-0 flex-col border-neutral-200 sm:w-80 sm:shrink-0 sm:border-e ${conversationId ? "max-sm:hidden" : ""} ${contactOpen ? "max-xl:hidden" : ""}`}
      >
        <div className="flex items-center px-4 pt-4">
          <h1 className="text-lg font-semibold tracking-tight">{t("nav.inbox")}</h1>
          <span className="flex-1" />
          <Link
            to="/settings"
            hash="canned-replies"
            className="focus-ring me-2 rounded text-sm font-medium text-accent-700 hover:underline"
          >
            {t("inbox.cannedReplies")}
          </Link>
          <button
            type="button"
            onClick={() => setHelpOpen(true)}
            aria-label={t("inbox.shortcuts.open")}
            title={t("inbox.shortcuts.open")}
            className="focus-ring grid size-7 place-items-center rounded-md border border-neutral-300 text-sm text-neutral-600 hover:bg-neutral-100"
          >
            ?
          </button>
        </div>
        <ConversationFilters search={search} conversationId={conversationId} onChange={changeSearch} />
        <ConversationList
          list={list}
          rows={rows}
          currentId={conversationId}
          search={search}
          now={now}
          memberName={memberName}
          narrowed={params.view !== "all" || params.status !== "active" || Boolean(params.channelId)}
        />
      </section>
      {conversationId ? (
        <ConversationPane
          key={conversationId}
          conversationId={conversationId}
          search={search}
          now={now}
          contactOpen={contactOpen}
          onContactOpenChange={(open) => setContactOpenFor(open ? conversationId : undefined)}
        />
      ) : (
        <div className="hidden flex-1 flex-col items-center justify-center px-6 text-center sm:flex">
          <p className="font-medium text-neutral-900">{t("inbox.chat.noneOpen")}</p>
          <p className="mt-1 max-w-sm text-sm text-neutral-600">{t("inbox.chat.noneOpenHint")}</p>
        </div>
      )}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
