import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "./inline-alert";
import { InvitationRow } from "./invitation-row";
import { InviteForm } from "./invite-form";
import { invitationsQuery } from "./members-api";

/** Only rendered for people who may manage members: listing invitations is refused to the rest. */
export function InvitationsSection() {
  const { t } = useTranslation();
  const invitations = useQuery(invitationsQuery);

  return (
    <section
      aria-labelledby="invitations-title"
      className="rounded-xl border border-neutral-200 bg-white p-6"
    >
      <h2 id="invitations-title" className="text-lg font-semibold tracking-tight">
        {t("invitations.title")}
      </h2>
      <InviteForm />
      {invitations.isPending ? (
        <p className="mt-6 text-sm text-neutral-600">{t("invitations.loading")}</p>
      ) : invitations.isError ? (
        <InlineAlert message={problemOf(invitations.error)?.detail} />
      ) : invitations.data.length === 0 ? (
        <p className="mt-6 text-sm text-neutral-600">{t("invitations.empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-sm" aria-labelledby="invitations-title">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-neutral-500">
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("invitations.columns.email")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("invitations.columns.role")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("invitations.columns.status")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("invitations.columns.expires")}
                </th>
                <th scope="col" className="py-2 text-end font-medium">
                  <span className="sr-only">{t("invitations.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation) => (
                <InvitationRow key={invitation.id} invitation={invitation} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
