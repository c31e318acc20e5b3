import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, problemOf } from "../../lib/problem";
import { AuthCard, FormAlert, SubmitButton } from "./auth-card";
import { FormField } from "./form-field";
import { requestPasswordReset } from "./password-reset-api";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const requesting = useMutation({ mutationFn: requestPasswordReset });
  const problem = problemOf(requesting.error);
  const fieldErrors = fieldErrorsOf(problem);
  const busy = requesting.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    requesting.mutate({ email: String(form.get("email")) });
  }

  return (
    <AuthCard title={t("auth.forgotPassword.title")}>
      {requesting.isSuccess ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {requesting.data}
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm text-neutral-600">{t("auth.forgotPassword.intro")}</p>
          <FormAlert message={fieldErrors.email ? undefined : problem?.detail} />
          <form onSubmit={handleSubmit} className="flex flex-col gap-4">
            <FormField
              label={t("auth.fields.email")}
              name="email"
              type="email"
              autoComplete="email"
              required
              disabled={busy}
              error={fieldErrors.email}
            />
            <SubmitButton
              busy={busy}
              label={t("auth.forgotPassword.submit")}
              busyLabel={t("auth.forgotPassword.busy")}
            />
          </form>
        </>
      )}
      <p className="mt-6 text-center text-sm text-neutral-600">
        <Link to="/sign-in" className="focus-ring font-medium text-accent-700 underline">
          {t("auth.forgotPassword.toSignIn")}
        </Link>
      </p>
    </AuthCard>
  );
}
