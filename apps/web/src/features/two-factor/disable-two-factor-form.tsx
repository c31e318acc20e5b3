import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, problemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { disableTwoFactor } from "./two-factor-api";

export function DisableTwoFactorForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const disabling = useMutation({ mutationFn: disableTwoFactor });
  const problem = problemOf(disabling.error);
  const passwordRefused = fieldErrorsOf(problem).password !== undefined;
  const busy = disabling.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    disabling.mutate(
      { password: String(new FormData(form).get("password")) },
      {
        onSuccess: () => {
          form.reset();
          onDisabled();
        },
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} aria-labelledby="two-factor-disable-title" className="mt-6">
      <h3 id="two-factor-disable-title" className="text-base font-semibold">
        {t("twoFactor.disable.title")}
      </h3>
      <p className="mt-1 mb-4 text-sm text-neutral-600">{t("twoFactor.disable.intro")}</p>
      <FormAlert message={problem && !passwordRefused ? problem.detail : undefined} />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="sm:flex-1">
          <FormField
            label={t("twoFactor.disable.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            disabled={busy}
            error={passwordRefused ? problem?.detail : undefined}
          />
        </div>
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:cursor-not-allowed disabled:opacity-60 sm:mt-6"
        >
          {busy ? t("twoFactor.disable.busy") : t("twoFactor.disable.submit")}
        </button>
      </div>
    </form>
  );
}
