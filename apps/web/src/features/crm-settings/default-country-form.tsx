import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, problemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { InlineAlert } from "../members/inline-alert";
import { SelectField } from "../members/select-field";
import { countryOptions } from "./countries";
import { crmSettingsQuery, updateCrmSettings } from "./crm-settings-api";

/** The country whose national phone format ("06 12 34 56 78") is read without a +country code. */
export function DefaultCountryForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery(crmSettingsQuery);
  const options = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const saving = useMutation({
    mutationFn: updateCrmSettings,
    onSuccess: (data) => queryClient.setQueryData(crmSettingsQuery.queryKey, data),
  });
  const problem = problemOf(saving.error);
  const fieldError = fieldErrorsOf(problem).defaultCountry;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("defaultCountry") ?? "");
    saving.mutate({ defaultCountry: value || null });
  }

  if (settings.isPending) return <p className="mt-4 text-sm text-neutral-600">{t("crmSettings.loading")}</p>;
  if (settings.isError) return <InlineAlert message={problemOf(settings.error)?.detail} />;

  return (
    <form onSubmit={handleSubmit} className="mt-4">
      <FormAlert message={problem && !fieldError ? problem.detail : undefined} />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end">
        <div className="sm:flex-1">
          <SelectField
            key={settings.data.defaultCountry ?? ""}
            label={t("crmSettings.country.label")}
            name="defaultCountry"
            defaultValue={settings.data.defaultCountry ?? ""}
            disabled={saving.isPending}
            aria-invalid={fieldError ? true : undefined}
            onChange={() => saving.reset()}
            options={[{ value: "", label: t("crmSettings.country.none") }, ...options]}
          />
        </div>
        <button
          type="submit"
          disabled={saving.isPending}
          aria-busy={saving.isPending || undefined}
          className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {saving.isPending ? t("crmSettings.saving") : t("crmSettings.country.save")}
        </button>
      </div>
      <p className="mt-1 text-xs text-neutral-500">{t("crmSettings.country.hint")}</p>
      <InlineAlert message={fieldError} />
      {saving.isSuccess ? (
        <p role="status" className="mt-2 text-sm text-neutral-600">
          {t("crmSettings.country.saved")}
        </p>
      ) : null}
    </form>
  );
}
