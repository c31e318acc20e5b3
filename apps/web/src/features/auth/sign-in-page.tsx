import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { signInWithEmail } from "./auth-api";
import { AuthCard, FormAlert, SubmitButton } from "./auth-card";
import { FormField } from "./form-field";
import { TwoFactorStep } from "./two-factor-step";
import { useAuthSubmit } from "./use-auth-submit";

const routeApi = getRouteApi("/sign-in");

export function SignInPage() {
  const { t } = useTranslation();
  const { redirect } = routeApi.useSearch();
  const { submit, reset, busy, problem, fieldErrors } = useAuthSubmit(signInWithEmail, redirect);
  const [challenge, setChallenge] = useState<string>();
  const [expiredNotice, setExpiredNotice] = useState<string>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setExpiredNotice(undefined);
    submit(
      { email: String(form.get("email")), password: String(form.get("password")) },
      {
        onError: (error) => {
          const failed = problemOf(error);
          if (failed?.code === "two_factor_required" && failed.challenge) setChallenge(failed.challenge);
        },
      },
    );
  }

  function handleExpired(detail: string) {
    // The password's own 401 asked for the code; it is no longer the message to show.
    reset();
    setChallenge(undefined);
    setExpiredNotice(detail);
  }

  if (challenge) {
    return (
      <AuthCard title={t("auth.twoFactor.title")}>
        <TwoFactorStep challenge={challenge} redirect={redirect} onExpired={handleExpired} />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t("auth.signIn.title")}>
      <FormAlert message={expiredNotice ?? problem?.detail} />
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
