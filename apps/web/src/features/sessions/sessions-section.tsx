import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "../members/inline-alert";
import { SessionRow } from "./session-row";
import { sessionsQuery } from "./sessions-api";

const headerClass = "py-2 pe-4 text-start font-medium";

export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useQuery(sessionsQuery);

  return (
    <section aria-labelledby="sessions-title" className="rounded-xl border border-neutral-200 bg-white p-6">
      <h2 id="sessions-title" className="text-lg font-semibold tracking-tight">
        {t("sessions.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("sessions.intro")}</p>
      {sessions.isPending ? (
        <p className="mt-4 text-sm text-neutral-600">{t("sessions.loading")}</p>
      ) : sessions.isError ? (
        <InlineAlert message={problemOf(sessions.error)?.detail} />
      ) : sessions.data.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-600">{t("sessions.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm" aria-labelledby="sessions-title">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-neutral-500">
                <th scope="col" className={headerClass}>
                  {t("sessions.columns.device")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("sessions.columns.ip")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("sessions.columns.lastSeen")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("sessions.columns.expires")}
                </th>
                <th scope="col" className="py-2 text-end font-medium">
                  <span className="sr-only">{t("sessions.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((session) => (
                <SessionRow key={session.id} session={session} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
