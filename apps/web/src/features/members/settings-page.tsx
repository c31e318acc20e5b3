import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ApiKeysSection } from "../api-keys/api-keys-section";
import { AuditLogSection } from "../audit/audit-log-section";
import { CrmSettingsSection } from "../crm-settings/crm-settings-section";
import { CannedRepliesSection } from "../inbox-settings/canned-replies-section";
import { WhatsAppNumbersSection } from "../inbox-settings/whatsapp-numbers-section";
import { OrganizationSection } from "../organization/organization-section";
import { meQuery } from "../session/me-query";
import { SessionsSection } from "../sessions/sessions-section";
import { TwoFactorSection } from "../two-factor/two-factor-section";
import { InvitationsSection } from "./invitations-section";
import { MembersSection } from "./members-section";

export function SettingsPage() {
  const { t } = useTranslation();
  const title = t("settings.title");
  useDocumentTitle(title);
  const me = useQuery(meQuery);
  const can = me.data?.can ?? {};
  const canManage = can["members.manage"] === true;
  // The audit log has no entry in `can` yet; the server lets owners and admins read it.
  const canReadAuditLog = can["auditLog.read"] ?? (me.data !== undefined && me.data.role !== "member");
  // Likewise the CRM's configuration: owners and admins only.
  const canConfigureCrm = can["crm.configure"] ?? (me.data !== undefined && me.data.role !== "member");

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 max-w-2xl text-neutral-600">{t("settings.intro")}</p>
      </header>
      {me.data && (can["organization.update"] || can["organization.delete"]) ? (
        <OrganizationSection me={me.data} />
      ) : null}
      <MembersSection canManage={canManage} />
      {canManage ? <InvitationsSection /> : null}
      {can["apiKeys.read"] ? <ApiKeysSection canManage={can["apiKeys.manage"] === true} /> : null}
      {canConfigureCrm ? <CrmSettingsSection /> : null}
      <WhatsAppNumbersSection />
      <CannedRepliesSection />
      <TwoFactorSection />
      <SessionsSection />
      {canReadAuditLog ? <AuditLogSection /> : null}
    </div>
  );
}
