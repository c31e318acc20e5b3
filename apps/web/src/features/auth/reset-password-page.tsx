import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, problemOf } from "../../lib/problem";
import { AuthCard, FormAlert, SubmitButton } from "./auth-card";
import { FormField } from "./form-field";
import { confirmPasswordReset } from "./password-reset-api";

const routeApi = getRouteApi("/reset-password");

export type ResetPasswordSearch = { token?: string };

export function validateResetPasswordSearch(search: Record<string, unknown>): ResetPasswordSearch {
  return typeof search.token === "string" && search.token !== "" ? { token: search.token } : {};
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = routeApi.useSearch();
  const title = t("auth.resetPassword.title");

  if (!token) {
    return (
      <AuthCard title={title}>
        <FormAlert message={t("auth.resetPassword.missingToken")} />
        <RequestNewLink />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title}>
      <ResetForm token={token} />
    </AuthCard>
  );
}

function ResetForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const resetting = useMutation({ mutationFn: confirmPasswordReset });
  const problem = problemOf(resetting.error);
  const fieldErrors = fieldErrorsOf(problem);
  const busy = resetting.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    resetting.mutate({ token, password: String(form.get("password")) });
  }

  if (resetting.isSuccess) {
    return (
      <>
        <p role="status" className="mb-4 text-sm text-neutral-800">
          {t("auth.resetPassword.done")}
        </p>
        <p className="text-center text-sm">
          <Link to="/sign-in" className="focus-ring font-medium text-accent-700 underline">
            {t("auth.resetPassword.toSignIn")}
          </Link>
        </p>
      </>
    );
  }
  // A used or expired link (404) cannot succeed on retry, so offer a new one beside the message.
  const linkInvalid = problem?.status === 404;
  return (
    <>
      <FormAlert message={fieldErrors.password ? undefined : problem?.detail} />
      {linkInvalid ? <RequestNewLink /> : null}
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
        <FormField
          label={t("auth.resetPassword.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          disabled={busy}
          hint={t("auth.resetPassword.passwordHint")}
          error={fieldErrors.password}
        />
        <SubmitButton
          busy={busy}
          label={t("auth.resetPassword.submit")}
          busyLabel={t("auth.resetPassword.busy")}
        />
      </form>
    </>
  );
}

function RequestNewLink() {
  const { t } = useTranslation();
  return (
    <p className="mb-4 text-center text-sm text-neutral-600">
      <Link to="/forgot-password" className="focus-ring font-medium text-accent-700 underline">
        {t("auth.resetPassword.requestNew")}
      </Link>
    </p>
  );
}
