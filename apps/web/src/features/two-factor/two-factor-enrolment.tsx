import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, problemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { enableTwoFactor, type TwoFactorSetup } from "./two-factor-api";

type TwoFactorEnrolmentProps = {
  setup: TwoFactorSetup;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
};

/** The QR code and its secret, then one code from the app to prove they were saved. */
export function TwoFactorEnrolment({ setup, onEnabled, onCancel }: TwoFactorEnrolmentProps) {
  const { t } = useTranslation();
  const enabling = useMutation({ mutationFn: enableTwoFactor, onSuccess: onEnabled });
  const problem = problemOf(enabling.error);
  const codeRefused = fieldErrorsOf(problem).code !== undefined;
  const busy = enabling.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    enabling.mutate({ code: String(new FormData(event.currentTarget).get("code")).trim() });
  }

  return (
    <div className="mt-4 flex flex-col gap-4">
      <p className="text-sm text-neutral-700">{t("twoFactor.setup.scan")}</p>
      {/* An <img>, not inline markup: the SVG then cannot run script or pick up the page's styles. */}
      <img
        src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrCodeSvg)}`}
        alt={t("twoFactor.setup.qrAlt")}
        className="size-48 rounded-md border border-neutral-200 bg-white p-2"
      />
      <div className="text-sm text-neutral-700">
        <p>{t("twoFactor.setup.manual")}</p>
        <code
          data-testid="two-factor-secret"
          className="mt-1 block font-mono text-sm break-all text-neutral-900"
        >
          {setup.secret}
        </code>
      </div>
      <form
        onSubmit={handleSubmit}
        aria-label={t("twoFactor.setup.confirmTitle")}
        className="flex flex-col gap-4"
      >
        <FormAlert message={problem && !codeRefused ? problem.detail : undefined} />
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <div className="sm:flex-1">
            <FormField
              label={t("twoFactor.setup.code")}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              spellCheck={false}
              disabled={busy}
              error={codeRefused ? problem?.detail : undefined}
            />
          </div>
          <button
            type="submit"
            disabled={busy}
            aria-busy={busy || undefined}
            className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-60 sm:mt-6"
          >
            {busy ? t("twoFactor.setup.confirming") : t("twoFactor.setup.confirm")}
          </button>
          <button
            type="button"
            onClick={onCancel}
            disabled={busy}
            className="focus-ring rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60 sm:mt-6"
          >
            {t("twoFactor.setup.cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}
