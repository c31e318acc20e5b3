import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "./inline-alert";
import { MemberRow } from "./member-row";
import { membersQuery } from "./members-api";

export function MembersSection({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery);

  return (
    <section aria-labelledby="members-title" className="rounded-xl border border-neutral-200 bg-white p-6">
      <h2 id="members-title" className="text-lg font-semibold tracking-tight">
        {t("members.title")}
      </h2>
      {members.isPending ? (
        <p className="mt-4 text-sm text-neutral-600">{t("members.loading")}</p>
      ) : members.isError ? (
        <InlineAlert message={problemOf(members.error)?.detail} />
      ) : members.data.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-600">{t("members.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm" aria-labelledby="members-title">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-neutral-500">
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("members.columns.name")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("members.columns.email")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("members.columns.role")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("members.columns.joined")}
                </th>
                {canManage ? (
                  <th scope="col" className="py-2 text-end font-medium">
                    <span className="sr-only">{t("members.columns.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <MemberRow key={member.userId} member={member} canManage={canManage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
