import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../../components/load-more-button";
import { problemOf } from "../../../lib/problem";
import { formatDateTime } from "../../members/format-date";
import { InlineAlert } from "../../members/inline-alert";
import { membersQuery } from "../../members/members-api";
import { timelineQuery } from "../contact-records-api";

/** What happened to the contact, newest first: CRM changes now, messages and deals as those modules land. */
export function ContactTimeline({ contactId }: { contactId: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useInfiniteQuery(timelineQuery(contactId));
  const members = useQuery(membersQuery);
  const rows = timeline.data?.pages.flatMap((page) => page.data) ?? [];
  const nameOf = (userId: string | null) =>
    userId ? members.data?.find((member) => member.userId === userId)?.name : undefined;

  if (timeline.isPending) return <p className="text-sm text-neutral-600">{t("contacts.timeline.loading")}</p>;
  if (timeline.isError && rows.length === 0)
    return <InlineAlert message={problemOf(timeline.error)?.detail} />;
  if (rows.length === 0) return <p className="text-sm text-neutral-600">{t("contacts.timeline.none")}</p>;

  return (
    <div>
      <ol
        className="relative flex flex-col gap-4 border-s border-neutral-200 ps-4"
        aria-label={t("contacts.timeline.title")}
      >
        {rows.map((activity) => {
          const actor = nameOf(activity.actorId);
          return (
            <li key={activity.id} className="relative">
              <span
                aria-hidden="true"
                className="absolute -start-[1.3rem] top-1.5 size-2.5 rounded-full border-2 border-white bg-accent-500"
              />
              <p className="text-sm text-neutral-900">{activity.summary}</p>
              <p className="text-xs text-neutral-500">
                <time dateTime={activity.occurredAt}>
                  {formatDateTime(activity.occurredAt, i18n.language)}
                </time>
                {actor ? ` · ${actor}` : null}
              </p>
            </li>
          );
        })}
      </ol>
      <InlineAlert message={rows.length > 0 ? problemOf(timeline.error)?.detail : undefined} />
      <LoadMoreButton
        hasMore={timeline.hasNextPage}
        loading={timeline.isFetchingNextPage}
        onLoad={() => timeline.fetchNextPage()}
      />
    </div>
  );
}
