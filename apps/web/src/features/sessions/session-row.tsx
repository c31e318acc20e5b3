import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { formatDateTime } from "../members/format-date";
import { InlineAlert } from "../members/inline-alert";
import { type Session, sessionsQuery, signOutSession } from "./sessions-api";

export function SessionRow({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const signingOut = useMutation({
    mutationFn: signOutSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey }),
  });
  const device = session.userAgent ?? t("sessions.unknownDevice");
  const ip = session.ip ?? "—";

  return (
    <tr className="border-t border-neutral-200 align-top" data-current={session.current || undefined}>
      <td className="max-w-xs py-2 pe-4 text-neutral-900">
        <span className="line-clamp-2 break-all">{device}</span>
        {session.current ? (
          <span className="mt-1 inline-block rounded-full bg-accent-100 px-2 py-0.5 text-xs font-medium text-accent-700">
            {t("sessions.thisDevice")}
          </span>
        ) : null}
      </td>
      <td className="py-2 pe-4 font-mono text-neutral-700">{ip}</td>
      <td className="py-2 pe-4 text-neutral-700">{formatDateTime(session.lastSeenAt, i18n.language)}</td>
      <td className="py-2 pe-4 text-neutral-700">{formatDateTime(session.expiresAt, i18n.language)}</td>
      <td className="py-2 text-end">
        {/* Signing out here would be the shell's sign-out, which also clears the page. */}
        {session.current ? null : (
          <button
            type="button"
            onClick={() => signingOut.mutate(session.id)}
            disabled={signingOut.isPending}
            aria-label={t("sessions.signOutNamed", { device, ip })}
            className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
          >
            {signingOut.isPending ? t("sessions.signingOut") : t("sessions.signOut")}
          </button>
        )}
        <InlineAlert message={problemOf(signingOut.error)?.detail} />
      </td>
    </tr>
  );
}
