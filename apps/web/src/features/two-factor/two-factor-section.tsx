import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "../members/inline-alert";
import { meQuery } from "../session/me-query";
import { DisableTwoFactorForm } from "./disable-two-factor-form";
import { RecoveryCodes } from "./recovery-codes";
import { setupTwoFactor } from "./two-factor-api";
import { TwoFactorEnrolment } from "./two-factor-enrolment";
import { isTwoFactorRequired } from "./use-two-factor-restricted";

type Status = "unknown" | "on" | "off";

/** Enrolment and switching off, starting from what `me` says; both stay offered while it is unknown. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const [changedHere, setStatus] = useState<Status>("unknown");
  const reported = me?.security.twoFactorEnabled;
  const status: Status =
    changedHere !== "unknown"
      ? changedHere
      : reported === true
        ? "on"
        : reported === false
          ? "off"
          : "unknown";
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const starting = useMutation({ mutationFn: setupTwoFactor });

  async function handleEnabled(codes: string[]) {
    starting.reset();
    setRecoveryCodes(codes);
    setStatus("on");
    // Answers refused while the organisation required two-factor can now succeed, and the
    // banner reads every cached failure, so drop the refused mutations and refetch even idle queries.
    const mutations = queryClient.getMutationCache();
    for (const mutation of mutations.getAll()) {
      if (isTwoFactorRequired(mutation.state.error)) mutations.remove(mutation);
    }
    await queryClient.invalidateQueries({ refetchType: "all" });
  }

  function handleDisabled() {
    starting.reset();
    setRecoveryCodes(undefined);
    setStatus("off");
  }

  return (
    <section aria-labelledby="two-factor-title" className="rounded-xl border border-neutral-200 bg-white p-6">
      <h2 id="two-factor-title" className="text-lg font-semibold tracking-tight">
        {t("twoFactor.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("twoFactor.intro")}</p>
      <p role="status" className="mt-2 text-sm font-medium text-neutral-800 empty:hidden">
        {status === "on" ? t("twoFactor.statusOn") : status === "off" ? t("twoFactor.statusOff") : ""}
      </p>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDismiss={() => setRecoveryCodes(undefined)} />
      ) : null}
      {starting.data ? (
        <TwoFactorEnrolment
          setup={starting.data}
          onEnabled={handleEnabled}
          onCancel={() => starting.reset()}
        />
      ) : status !== "on" ? (
        <div className="mt-4">
          <button
            type="button"
            onClick={() => starting.mutate()}
            disabled={starting.isPending}
            aria-busy={starting.isPending || undefined}
            className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {starting.isPending ? t("twoFactor.setup.busy") : t("twoFactor.setup.start")}
          </button>
          <InlineAlert message={problemOf(starting.error)?.detail} />
        </div>
      ) : null}
      {status !== "off" ? <DisableTwoFactorForm onDisabled={handleDisabled} /> : null}
    </section>
  );
}
