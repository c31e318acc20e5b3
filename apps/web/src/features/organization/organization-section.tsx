import { useTranslation } from "react-i18next";
import type { Me } from "../session/me-query";
import { DeleteOrganization } from "./delete-organization";
import { RenameOrganizationForm } from "./rename-organization-form";
import { RequireTwoFactorForm } from "./require-two-factor-form";

/** Rendered for people who may rename or delete the organisation; each part follows its own permission. */
export function OrganizationSection({ me }: { me: Me }) {
  const { t } = useTranslation();

  return (
    <section
      aria-labelledby="organization-title"
      className="rounded-xl border border-neutral-200 bg-white p-6"
    >
      <h2 id="organization-title" className="text-lg font-semibold tracking-tight">
        {t("organization.title")}
      </h2>
      {me.can["organization.update"] ? <RenameOrganizationForm name={me.organization.name} /> : null}
      {me.can["organization.update"] ? <RequireTwoFactorForm /> : null}
      {me.can["organization.delete"] ? <DeleteOrganization slug={me.organization.slug} /> : null}
    </section>
  );
}
