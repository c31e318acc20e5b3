import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formProblemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { channelsQuery } from "../inbox/inbox-api";
import { connectNumber } from "./whatsapp-numbers-api";

/** A verify token nobody guesses, offered so the person need not invent one. */
const newVerifyToken = () => crypto.randomUUID().replaceAll("-", "");

/**
 * Connects a Cloud API number with the ids and secrets from Meta's app dashboard, and shows what to
 * paste back there: the webhook's callback URL and the verify token.
 */
export function ConnectNumberForm({ onConnected }: { onConnected: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [verifyToken, setVerifyToken] = useState(newVerifyToken);
  const connecting = useMutation({
    mutationFn: connectNumber,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: channelsQuery.queryKey });
      onConnected();
    },
  });
  const { fieldErrors, formMessage } = formProblemOf(connecting.error);
  const busy = connecting.isPending;
  const callbackUrl = `${window.location.origin}/webhooks/whatsapp`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    connecting.mutate({
      phoneNumberId: text("phoneNumberId"),
      wabaId: text("wabaId"),
      accessToken: text("accessToken"),
      appSecret: text("appSecret"),
      verifyToken: verifyToken.trim(),
      apiBaseUrl: text("apiBaseUrl") || undefined,
    });
  }

  return (
    <form
      onSubmit={handleSubmit}
      aria-label={t("whatsappNumbers.connect.title")}
      className="mt-4 flex flex-col gap-4 rounded-lg border border-neutral-200 p-4"
    >
      <FormAlert message={formMessage} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField
          label={t("whatsappNumbers.connect.phoneNumberId")}
          name="phoneNumberId"
          inputMode="numeric"
          dir="ltr"
          required
          disabled={busy}
          error={fieldErrors.phoneNumberId}
        />
        <FormField
          label={t("whatsappNumbers.connect.wabaId")}
          name="wabaId"
          inputMode="numeric"
          dir="ltr"
          required
          disabled={busy}
          error={fieldErrors.wabaId}
        />
        <FormField
          label={t("whatsappNumbers.connect.accessToken")}
          name="accessToken"
          type="password"
          autoComplete="off"
          required
          disabled={busy}
          error={fieldErrors.accessToken}
        />
        <FormField
          label={t("whatsappNumbers.connect.appSecret")}
          name="appSecret"
          type="password"
          autoComplete="off"
          required
          disabled={busy}
          error={fieldErrors.appSecret}
        />
        <FormField
          label={t("whatsappNumbers.connect.verifyToken")}
          value={verifyToken}
          onChange={(event) => setVerifyToken(event.target.value)}
          dir="ltr"
          autoComplete="off"
          required
          minLength={8}
          disabled={busy}
          hint={t("whatsappNumbers.connect.verifyTokenHint")}
          error={fieldErrors.verifyToken}
        />
        <FormField
          label={t("whatsappNumbers.connect.apiBaseUrl")}
          name="apiBaseUrl"
          type="url"
          dir="ltr"
          placeholder="https://graph.facebook.com"
          disabled={busy}
          hint={t("whatsappNumbers.connect.apiBaseUrlHint")}
          error={fieldErrors.apiBaseUrl}
        />
      </div>
      <div className="rounded-md bg-neutral-50 p-3 text-sm">
        <p className="font-medium text-neutral-900">{t("whatsappNumbers.connect.webhookTitle")}</p>
        <p className="mt-1 text-neutral-600">{t("whatsappNumbers.connect.webhookHint")}</p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-neutral-600">{t("whatsappNumbers.connect.callbackUrl")}</dt>
          <dd>
            <code data-testid="webhook-url" dir="ltr" className="break-all">
              {callbackUrl}
            </code>
          </dd>
          <dt className="text-neutral-600">{t("whatsappNumbers.connect.verifyToken")}</dt>
          <dd>
            <code dir="ltr" className="break-all">
              {verifyToken}
            </code>
          </dd>
        </dl>
      </div>
      <div>
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {busy ? t("whatsappNumbers.connect.busy") : t("whatsappNumbers.connect.submit")}
        </button>
      </div>
    </form>
  );
}
