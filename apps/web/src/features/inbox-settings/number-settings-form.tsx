import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formProblemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { channelsQuery, type WhatsAppChannel } from "../inbox/inbox-api";
import { type NumberChanges, updateNumber } from "./whatsapp-numbers-api";

/** Rotates a number's token, app secret or verify token, or changes its send rate; an empty secret stays as is. */
export function NumberSettingsForm({ channel, onDone }: { channel: WhatsAppChannel; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saving = useMutation({
    mutationFn: updateNumber,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: channelsQuery.queryKey });
      onDone();
    },
  });
  const { fieldErrors, formMessage } = formProblemOf(saving.error);
  const busy = saving.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    const rate = Number(data.get("sendRatePerSecond"));
    const changes: NumberChanges = {
      accessToken: text("accessToken"),
      appSecret: text("appSecret"),
      verifyToken: text("verifyToken"),
      sendRatePerSecond: rate === channel.sendRatePerSecond ? undefined : rate,
    };
    saving.mutate({ id: channel.id, changes });
  }

  return (
    <form
      onSubmit={handleSubmit}
      aria-label={t("whatsappNumbers.settings.title")}
      className="mt-3 flex flex-col gap-3 border-t border-neutral-200 pt-3"
    >
      <p className="text-sm text-neutral-600">{t("whatsappNumbers.settings.intro")}</p>
      <FormAlert message={formMessage} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <FormField
          label={t("whatsappNumbers.connect.accessToken")}
          name="accessToken"
          type="password"
          autoComplete="off"
          disabled={busy}
          error={fieldErrors.accessToken}
        />
        <FormField
          label={t("whatsappNumbers.connect.appSecret")}
          name="appSecret"
          type="password"
          autoComplete="off"
          disabled={busy}
          error={fieldErrors.appSecret}
        />
        <FormField
          label={t("whatsappNumbers.connect.verifyToken")}
          name="verifyToken"
          dir="ltr"
          autoComplete="off"
          minLength={8}
          disabled={busy}
          error={fieldErrors.verifyToken}
        />
        <FormField
          label={t("whatsappNumbers.settings.sendRate")}
          name="sendRatePerSecond"
          type="number"
          min={1}
          max={1000}
          required
          defaultValue={channel.sendRatePerSecond}
          disabled={busy}
          hint={t("whatsappNumbers.settings.sendRateHint")}
          error={fieldErrors.sendRatePerSecond}
        />
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {busy ? t("whatsappNumbers.settings.saving") : t("whatsappNumbers.settings.save")}
        </button>
        <button
          type="button"
          onClick={onDone}
          className="focus-ring rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("whatsappNumbers.settings.cancel")}
        </button>
      </div>
    </form>
  );
}
