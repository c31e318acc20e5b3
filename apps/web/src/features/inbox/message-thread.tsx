import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../components/load-more-button";
import { problemOf } from "../../lib/problem";
import { formatDate } from "../members/format-date";
import { meQuery } from "../session/me-query";
import { type Conversation, messagesQuery } from "./inbox-api";
import { MessageBubble } from "./message-bubble";

// Within this many pixels of an edge counts as being there.
const bottomSlack = 48;
const topSlack = 160;

const dayOf = (iso: string) => new Date(iso).toDateString();

/**
 * The conversation's messages, oldest at the top. Scrolling up loads older ones without moving what
 * the agent reads; a new message scrolls into view only when the agent was already at the bottom
 * (or sent it), and a screen reader hears new customer messages through a live region.
 */
export function MessageThread({
  conversation,
  memberName,
}: {
  conversation: Conversation;
  memberName: (userId: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const me = useQuery(meQuery);
  const myId = me.data?.caller.type === "user" ? me.data.caller.id : undefined;
  const messages = useInfiniteQuery(messagesQuery(conversation.id));
  const ordered = useMemo(
    () => (messages.data?.pages.flatMap((page) => page.data) ?? []).reverse(),
    [messages.data],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  // Where the reader was before older messages were prepended: the distance from the bottom is kept.
  const anchor = useRef<number | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = messages;
  function loadOlder() {
    const element = scrollRef.current;
    if (!element || !hasNextPage || isFetchingNextPage) return;
    anchor.current = element.scrollHeight - element.scrollTop;
    void fetchNextPage();
  }

  function handleScroll() {
    const element = scrollRef.current;
    if (!element) return;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < bottomSlack;
    if (element.scrollTop < topSlack && !isFetchNextPageError) loadOlder();
  }

  const oldestId = ordered[0]?.id;
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || anchor.current === undefined || !oldestId) return;
    element.scrollTop = element.scrollHeight - anchor.current;
    anchor.current = undefined;
  }, [oldestId]);

  const newest = ordered.at(-1);
  const seenNewest = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || !newest) return;
    const first = seenNewest.current === undefined;
    if (seenNewest.current === newest.id) return;
    seenNewest.current = newest.id;
    const mine = newest.direction === "outbound" && newest.authorId !== null && newest.authorId === myId;
    if (first || atBottom.current || mine) {
      element.scrollTop = element.scrollHeight;
      atBottom.current = true;
    }
    if (!first && newest.direction === "inbound") {
      setAnnouncement(
        t("inbox.thread.newMessage", {
          name: conversation.contact.name,
          text: newest.body ?? newest.type,
        }),
      );
    }
  }, [newest, myId, conversation.contact.name, t]);

  // Images and players take their height once loaded: a reader at the bottom stays there.
  useEffect(() => {
    const content = contentRef.current;
    const element = scrollRef.current;
    if (!content || !element) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current && anchor.current === undefined) element.scrollTop = element.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={scrollRef}
      onScroll={handleScroll}
      className="min-h-0 flex-1 overflow-y-auto bg-neutral-50 px-3 py-4 sm:px-6"
      aria-busy={messages.isPending || isFetchingNextPage || undefined}
    >
      <p aria-live="polite" className="sr-only" data-testid="thread-announcement">
        {announcement}
      </p>
      {messages.isError && ordered.length === 0 ? (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-4 text-sm text-red-800"
        >
          <p className="font-medium">{t("inbox.thread.failed")}</p>
          <p className="mt-1">{problemOf(messages.error)?.detail}</p>
          <button
            type="button"
            onClick={() => messages.refetch()}
            className="focus-ring mt-3 rounded-md border border-red-300 bg-white px-3 py-1 font-medium hover:bg-red-100"
          >
            {t("inbox.retry")}
          </button>
        </div>
      ) : null}
      {messages.isPending ? (
        <p className="text-center text-sm text-neutral-500">{t("inbox.thread.loading")}</p>
      ) : null}
      <div className="flex flex-col items-center">
        <LoadMoreButton hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoad={loadOlder} />
        {isFetchNextPageError ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {problemOf(messages.error)?.detail}
          </p>
        ) : null}
      </div>
      {!messages.isPending && ordered.length === 0 && !messages.isError ? (
        <p className="text-center text-sm text-neutral-500">{t("inbox.thread.empty")}</p>
      ) : null}
      <ol ref={contentRef} aria-label={t("inbox.thread.label")} className="mt-2 flex flex-col gap-2">
        {ordered.map((message, index) => {
          const previous = ordered[index - 1];
          const newDay = !previous || dayOf(previous.occurredAt) !== dayOf(message.occurredAt);
          return (
            <Fragment key={message.id}>
              {newDay ? (
                <li className="my-2 text-center text-xs font-medium text-neutral-500">
                  {formatDate(message.occurredAt, i18n.language)}
                </li>
              ) : null}
              <MessageBubble
                message={message}
                authorName={message.authorId ? memberName(message.authorId) : undefined}
              />
            </Fragment>
          );
        })}
      </ol>
    </div>
  );
}
