import { getRouteApi, Link } from "@tanstack/react-router";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { signUp } from "./auth-api";
import { AuthCard, FormAlert, SubmitButton } from "./auth-card";
import { FormField } from "./form-field";
import { useAuthSubmit } from "./use-auth-submit";

const routeApi = getRouteApi("/sign-up");

export function SignUpPage() {
  const { t } = useTranslation();
  const { redirect } = routeApi.useSearch();
  const { submit, busy, problem, fieldErrors } = useAuthSubmit(signUp, redirect);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
      organizationName: String(form.get("organizationName")),
    });
  }

  return (
    <AuthCard title={t("auth.signUp.title")}>
      <FormAlert message={problem?.detail} />
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
        <FormField
          label={t("auth.fields.name")}
          name="name"
          autoComplete="name"
          required
          disabled={busy}
          error={fieldErrors.name}
        />
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
          autoComplete="new-password"
          required
          disabled={busy}
          hint={t("auth.signUp.passwordHint")}
          error={fieldErrors.password}
        />
        <FormField
          label={t("auth.fields.organizationName")}
          name="organizationName"
          autoComplete="organization"
          required
          disabled={busy}
          error={fieldErrors.organizationName}
        />
        <SubmitButton busy={busy} label={t("auth.signUp.submit")} busyLabel={t("auth.signUp.busy")} />
      </form>
      <p className="mt-6 text-center text-sm text-neutral-600">
        {t("auth.signUp.haveAccount")}{" "}
        <Link
          to="/sign-in"
          search={{ redirect }}
          className="focus-ring font-medium text-accent-700 underline"
        >
          {t("auth.signUp.toSignIn")}
        </Link>
      </p>
    </AuthCard>
  );
}
