import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { meQuery } from "../session/me-query";
import { InvitationsSection } from "./invitations-section";
import { MembersSection } from "./members-section";

export function SettingsPage() {
  const { t } = useTranslation();
  const title = t("settings.title");
  useDocumentTitle(title);
  const me = useQuery(meQuery);
  const canManage = me.data?.can["members.manage"] === true;

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 max-w-2xl text-neutral-600">{t("settings.intro")}</p>
      </header>
      <MembersSection canManage={canManage} />
      {canManage ? <InvitationsSection /> : null}
    </div>
  );
}
