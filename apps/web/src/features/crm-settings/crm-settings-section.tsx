import { useTranslation } from "react-i18next";
import { ContactFieldsSection } from "./contact-fields-section";
import { DefaultCountryForm } from "./default-country-form";

/** Contacts settings for owners and admins: the default phone country and the custom fields. */
export function CrmSettingsSection() {
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby="crm-settings-title"
      className="rounded-xl border border-neutral-200 bg-white p-6"
    >
      <h2 id="crm-settings-title" className="text-lg font-semibold tracking-tight">
        {t("crmSettings.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("crmSettings.intro")}</p>
      <DefaultCountryForm />
      <ContactFieldsSection />
    </section>
  );
}
