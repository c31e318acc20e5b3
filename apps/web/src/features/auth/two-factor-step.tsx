import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { signInWithTwoFactor } from "./auth-api";
import { FormAlert, SubmitButton } from "./auth-card";
import { FormField } from "./form-field";
import { useAuthSubmit } from "./use-auth-submit";

type TwoFactorStepProps = {
  challenge: string;
  redirect: string | undefined;
  /** The challenge is spent (too many tries or too old): only a new password step makes another. */
  onExpired: (detail: string) => void;
};

/** The second sign-in step, answering the challenge the password step was given. */
export function TwoFactorStep({ challenge, redirect, onExpired }: TwoFactorStepProps) {
  const { t } = useTranslation();
  const { submit, busy, problem } = useAuthSubmit(signInWithTwoFactor, redirect);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code")).trim();
    submit(
      { challenge, code },
      {
        onError: (error) => {
          const failed = problemOf(error);
          if (failed?.code === "challenge_expired") onExpired(failed.detail);
        },
      },
    );
  }

  return (
    <>
      <p className="mb-4 text-sm text-neutral-600">{t("auth.twoFactor.intro")}</p>
      <FormAlert message={problem?.detail} />
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
        <FormField
          label={t("auth.twoFactor.code")}
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          autoFocus
          required
          spellCheck={false}
          disabled={busy}
          hint={t("auth.twoFactor.codeHint")}
          aria-invalid={problem ? true : undefined}
        />
        <SubmitButton busy={busy} label={t("auth.twoFactor.submit")} busyLabel={t("auth.twoFactor.busy")} />
      </form>
    </>
  );
}
