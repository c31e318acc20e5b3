import { getRouteApi, Link } from "@tanstack/react-router";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { signInWithEmail } from "./auth-api";
import { AuthCard, FormAlert, SubmitButton } from "./auth-card";
import { FormField } from "./form-field";
import { useAuthSubmit } from "./use-auth-submit";

const routeApi = getRouteApi("/sign-in");

export function SignInPage() {
  const { t } = useTranslation();
  const { redirect } = routeApi.useSearch();
  const { submit, busy, problem, fieldErrors } = useAuthSubmit(signInWithEmail, redirect);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({ email: String(form.get("email")), password: String(form.get("password")) });
  }

  return (
    <AuthCard title={t("auth.signIn.title")}>
      <FormAlert message={problem?.detail} />
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
        <FormField
          label={t("auth.fields.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          disabled={busy}
          error={fieldErrors.password}
        />
        <SubmitButton busy={busy} label={t("auth.signIn.submit")} busyLabel={t("auth.signIn.busy")} />
      </form>
      <p className="mt-4 text-center text-sm">
        <Link to="/forgot-password" className="focus-ring font-medium text-accent-700 underline">
          {t("auth.signIn.forgotPassword")}
        </Link>
      </p>
      <p className="mt-6 text-center text-sm text-neutral-600">
        {t("auth.signIn.noAccount")}{" "}
        <Link
          to="/sign-up"
          search={{ redirect }}
          className="focus-ring font-medium text-accent-700 underline"
        >
          {t("auth.signIn.toSignUp")}
        </Link>
      </p>
    </AuthCard>
  );
}
