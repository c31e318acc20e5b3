import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useInboxPermission } from "../use-inbox-permission";
import { SyncTemplatesButton } from "./sync-templates-button";

/** The number has no approved template here yet: admins fetch them from Meta, members learn whom to ask. */
export function TemplatesEmpty({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const canSync = useInboxPermission("templates.manage");
  return (
    <div
      data-testid="templates-empty"
      className="rounded-lg border border-neutral-200 bg-neutral-50 p-4 text-sm"
    >
      <p className="font-medium text-neutral-900">{t("inbox.templates.empty")}</p>
      <p className="mt-1 text-neutral-600">
        {canSync ? t("inbox.templates.emptyHint") : t("inbox.templates.emptyMember")}
      </p>
      {canSync ? (
        <div className="mt-3">
          <SyncTemplatesButton channelId={channelId} />
        </div>
      ) : (
        <Link
          to="/settings"
          hash="whatsapp-numbers"
          className="focus-ring mt-2 inline-block rounded text-sm font-medium text-accent-700 hover:underline"
        >
          {t("inbox.templates.numbersLink")}
        </Link>
      )}
    </div>
  );
}
