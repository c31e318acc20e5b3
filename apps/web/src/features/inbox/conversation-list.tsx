import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { PageLoadFailure } from "../../components/page-load-failure";
import { problemOf } from "../../lib/problem";
import { ConversationRow, conversationRowHeight } from "./conversation-row";
import type { Conversation } from "./inbox-api";
import type { InboxSearch } from "./inbox-search";

// Ask for the next page while this many loaded rows are still below the viewport.
const prefetchRows = 10;
const skeletonRows = 6;

type ConversationPages = InfiniteData<{ data: Conversation[]; nextCursor: string | null }>;

/**
 * The conversations as a virtualised list of links: only the rows in view are in the DOM, and the
 * next keyset page loads as the reader nears the end.
 */
export function ConversationList({
  list,
  rows,
  currentId,
  search,
  now,
  memberName,
  narrowed,
}: {
  list: UseInfiniteQueryResult<ConversationPages>;
  rows: Conversation[];
  currentId: string | undefined;
  search: InboxSearch;
  now: number;
  memberName: (userId: string) => string | undefined;
  /** A view or filter hides some conversations: the empty state says so. */
  narrowed: boolean;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const hasMore = list.hasNextPage;
  const pageFailed = list.isFetchNextPageError;
  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => conversationRowHeight,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;

  const { fetchNextPage, isFetchingNextPage } = list;
  useEffect(() => {
    if (hasMore && !isFetchingNextPage && !pageFailed && lastVisible >= rows.length - prefetchRows) {
      void fetchNextPage();
    }
  }, [hasMore, isFetchingNextPage, pageFailed, lastVisible, rows.length, fetchNextPage]);

  // Moving with j/k keeps the current conversation in view.
  const currentIndex = rows.findIndex((conversation) => conversation.id === currentId);
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: "auto" });
  }, [currentIndex, virtualizer]);

  if (list.isError && rows.length === 0) {
    return (
      <div
        role="alert"
        className="m-3 rounded-lg border border-red-200 bg-red-50 px-4 py-4 text-sm text-red-800"
      >
        <p className="font-medium">{t("inbox.list.failed")}</p>
        <p className="mt-1">{problemOf(list.error)?.detail}</p>
        <button
          type="button"
          onClick={() => list.refetch()}
          className="focus-ring mt-3 rounded-md border border-red-300 bg-white px-3 py-1 font-medium hover:bg-red-100"
        >
          {t("inbox.retry")}
        </button>
      </div>
    );
  }
  if (list.isPending) {
    return (
      <ul aria-busy="true" aria-label={t("inbox.list.loading")} className="flex-1 overflow-hidden">
        {Array.from({ length: skeletonRows }, (_, index) => `skeleton-${index}`).map((key) => (
          <li
            key={key}
            className="flex flex-col justify-center gap-2 border-b border-neutral-100 px-4"
            style={{ height: conversationRowHeight }}
          >
            <span className="h-3 w-1/2 animate-pulse rounded bg-neutral-200" />
            <span className="h-3 w-3/4 animate-pulse rounded bg-neutral-200" />
          </li>
        ))}
      </ul>
    );
  }
  if (rows.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center px-6 py-12 text-center">
        <p className="font-medium text-neutral-900">{t("inbox.list.empty")}</p>
        <p className="mt-1 text-sm text-neutral-600">
          {narrowed ? t("inbox.list.emptyNarrowed") : t("inbox.list.emptyHint")}
        </p>
      </div>
    );
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" aria-busy={list.isFetching || undefined}>
      <ul
        aria-label={t("inbox.list.label")}
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const conversation = rows[item.index];
          const position = { height: conversationRowHeight, transform: `translateY(${item.start}px)` };
          if (!conversation) {
            return (
              <li
                key="more"
                className="absolute inset-x-0 top-0 flex items-center gap-3 px-4 text-sm text-neutral-600"
                style={position}
              >
                {pageFailed ? (
                  <PageLoadFailure
                    error={list.error}
                    onRetry={() => fetchNextPage()}
                    retryLabel={t("inbox.retry")}
                  />
                ) : (
                  t("common.loadingMore")
                )}
              </li>
            );
          }
          return (
            <li key={conversation.id} className="absolute inset-x-0 top-0" style={position}>
              <ConversationRow
                conversation={conversation}
                current={conversation.id === currentId}
                search={search}
                now={now}
                assigneeName={conversation.assigneeId ? memberName(conversation.assigneeId) : undefined}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
