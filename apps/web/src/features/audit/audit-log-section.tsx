import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../components/load-more-button";
import { problemOf } from "../../lib/problem";
import { FormField } from "../auth/form-field";
import { InlineAlert } from "../members/inline-alert";
import { membersQuery } from "../members/members-api";
import { auditEventsQuery, auditExportHref } from "./audit-api";
import { AuditEventRow } from "./audit-event-row";

const headerClass = "py-2 pe-4 text-start font-medium";

/** Only rendered for owners and admins: the server refuses the log to members. */
export function AuditLogSection() {
  const { t } = useTranslation();
  const [action, setAction] = useState("");
  const events = useInfiniteQuery(auditEventsQuery(action));
  // Already loaded by the members section; only used to put names on people.
  const members = useQuery(membersQuery);
  const nameOf = new Map(members.data?.map((member) => [member.userId, member.name]));
  const rows = events.data?.pages.flatMap((page) => page.data) ?? [];

  function handleFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAction(String(new FormData(event.currentTarget).get("action")).trim());
  }

  return (
    <section aria-labelledby="audit-title" className="rounded-xl border border-neutral-200 bg-white p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="audit-title" className="text-lg font-semibold tracking-tight">
          {t("audit.title")}
        </h2>
        <a
          href={auditExportHref(action)}
          download
          className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("audit.export")}
        </a>
      </div>
      <form onSubmit={handleFilter} className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-end">
        <div className="sm:flex-1">
          <FormField
            label={t("audit.filter.action")}
            name="action"
            placeholder={t("audit.filter.placeholder")}
            defaultValue={action}
            autoComplete="off"
          />
        </div>
        <button
          type="submit"
          className="focus-ring rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("audit.filter.submit")}
        </button>
      </form>
      {events.isPending ? (
        <p className="mt-6 text-sm text-neutral-600">{t("audit.loading")}</p>
      ) : events.isError && rows.length === 0 ? (
        <InlineAlert message={problemOf(events.error)?.detail} />
      ) : rows.length === 0 ? (
        <p className="mt-6 text-sm text-neutral-600">{t("audit.empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-sm" aria-labelledby="audit-title">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-neutral-500">
                <th scope="col" className={headerClass}>
                  {t("audit.columns.time")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("audit.columns.action")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("audit.columns.target")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("audit.columns.actor")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((event) => (
                <AuditEventRow
                  key={event.id}
                  event={event}
                  actorName={
                    event.actorType === "user" && event.actorId ? nameOf.get(event.actorId) : undefined
                  }
                />
              ))}
            </tbody>
          </table>
          <InlineAlert message={problemOf(events.error)?.detail} />
          <LoadMoreButton
            hasMore={events.hasNextPage}
            loading={events.isFetchingNextPage}
            onLoad={() => events.fetchNextPage()}
          />
        </div>
      )}
    </section>
  );
}
