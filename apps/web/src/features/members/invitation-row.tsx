import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { formatDate } from "./format-date";
import { InlineAlert } from "./inline-alert";
import { type Invitation, invitationsQuery, resendInvitation, revokeInvitation } from "./members-api";

const actionClass =
  "focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60";

export function InvitationRow({ invitation }: { invitation: Invitation }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationsQuery.queryKey });
  const resending = useMutation({ mutationFn: resendInvitation, onSuccess: refresh });
  const revoking = useMutation({ mutationFn: revokeInvitation, onSuccess: refresh });
  const busy = resending.isPending || revoking.isPending;
  const problem = problemOf(resending.error ?? revoking.error);

  return (
    <tr className="border-t border-neutral-200 align-top">
      <td className="py-2 pe-4 font-medium text-neutral-900">{invitation.email}</td>
      <td className="py-2 pe-4 text-neutral-700">{t(`members.roles.${invitation.role}`)}</td>
      <td className="py-2 pe-4">
        <span data-testid="invitation-status">{t(`invitations.status.${invitation.status}`)}</span>
      </td>
      <td className="py-2 pe-4 text-neutral-700">{formatDate(invitation.expiresAt, i18n.language)}</td>
      <td className="py-2 text-end">
        {invitation.status === "pending" ? (
          <div className="flex justify-end gap-2">
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                revoking.reset();
                resending.mutate(invitation.id);
              }}
              aria-label={t("invitations.resendTo", { email: invitation.email })}
              className={actionClass}
            >
              {resending.isPending ? t("invitations.resending") : t("invitations.resend")}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                resending.reset();
                revoking.mutate(invitation.id);
              }}
              aria-label={t("invitations.revokeFor", { email: invitation.email })}
              className={actionClass}
            >
              {revoking.isPending ? t("invitations.revoking") : t("invitations.revoke")}
            </button>
          </div>
        ) : null}
        {resending.isSuccess ? (
          <p role="status" className="mt-1 text-xs text-neutral-600">
            {t("invitations.resent")}
          </p>
        ) : null}
        <InlineAlert message={problem?.detail} />
      </td>
    </tr>
  );
}
