import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formProblemOf, problemOf } from "../../../lib/problem";
import { FormField } from "../../auth/form-field";
import { formatDateTime } from "../../members/format-date";
import { InlineAlert } from "../../members/inline-alert";
import { SelectField } from "../../members/select-field";
import {
  type ConsentChannel,
  type ConsentMethod,
  type ConsentState,
  consentQuery,
  recordConsent,
  timelineQuery,
} from "../contact-records-api";

const methods: readonly ConsentMethod[] = ["manual", "form", "import", "inbound_keyword", "api"];

const badgeClass: Record<ConsentState["status"], string> = {
  opted_in: "bg-green-50 text-green-800 border-green-200",
  opted_out: "bg-red-50 text-red-800 border-red-200",
  none: "bg-neutral-50 text-neutral-600 border-neutral-200",
};

/** Consent per channel (WhatsApp, email, SMS): the current state, recording a change, and the history. */
export function ContactConsent({ contactId }: { contactId: string }) {
  const { t, i18n } = useTranslation();
  const consent = useQuery(consentQuery(contactId));

  if (consent.isPending) return <p className="text-sm text-neutral-600">{t("contacts.consent.loading")}</p>;
  if (consent.isError) return <InlineAlert message={problemOf(consent.error)?.detail} />;

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-neutral-100">
        {consent.data.channels.map((state) => (
          <ConsentRow key={state.channel} contactId={contactId} state={state} />
        ))}
      </ul>
      {consent.data.history.length > 0 ? (
        <details className="text-sm">
          <summary className="focus-ring cursor-pointer rounded font-medium text-neutral-700">
            {t("contacts.consent.history", { count: consent.data.history.length })}
          </summary>
          <ol className="mt-2 flex flex-col gap-1 text-xs text-neutral-600">
            {consent.data.history.map((event) => (
              <li key={event.id}>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, i18n.language)}</time> ·{" "}
                {t(`contacts.consent.channels.${event.channel}`)} ·{" "}
                {t(`contacts.consent.status.${event.status}`)} ·{" "}
                {t(`contacts.consent.methods.${event.method}`)}
                {event.evidence ? ` · ${event.evidence}` : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

function ConsentRow({ contactId, state }: { contactId: string; state: ConsentState }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState<"opted_in" | "opted_out" | undefined>(undefined);
  const saving = useMutation({
    mutationFn: recordConsent,
    onSuccess: async (data) => {
      queryClient.setQueryData(consentQuery(contactId).queryKey, data);
      setRecording(undefined);
      await queryClient.invalidateQueries({ queryKey: timelineQuery(contactId).queryKey });
    },
  });
  const { fieldErrors, formMessage } = formProblemOf(saving.error);
  const channel = t(`contacts.consent.channels.${state.channel}`);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!recording) return;
    const data = new FormData(event.currentTarget);
    saving.mutate({
      contactId,
      channel: state.channel as ConsentChannel,
      status: recording,
      method: String(data.get("method")) as ConsentMethod,
      evidence: String(data.get("evidence") ?? "").trim() || null,
    });
  }

  return (
    <li className="py-2" data-testid={`consent-${state.channel}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-medium text-neutral-900">{channel}</p>
          <p className="text-xs text-neutral-500">
            <span className={`me-1 rounded-full border px-2 py-0.5 font-medium ${badgeClass[state.status]}`}>
              {t(`contacts.consent.status.${state.status}`)}
            </span>
            {state.changedAt && state.method
              ? t("contacts.consent.since", {
                  date: formatDateTime(state.changedAt, i18n.language),
                  method: t(`contacts.consent.methods.${state.method}`),
                })
              : null}
          </p>
        </div>
        <div className="flex gap-1">
          {(["opted_in", "opted_out"] as const).map((status) =>
            state.status === status ? null : (
              <button
                key={status}
                type="button"
                aria-expanded={recording === status}
                aria-label={t(
                  status === "opted_in" ? "contacts.consent.optInNamed" : "contacts.consent.optOutNamed",
                  { channel },
                )}
                onClick={() => {
                  saving.reset();
                  setRecording(recording === status ? undefined : status);
                }}
                className="focus-ring rounded-md border border-neutral-300 px-2 py-1 text-xs font-medium text-neutral-700 hover:bg-neutral-100"
              >
                {t(status === "opted_in" ? "contacts.consent.optIn" : "contacts.consent.optOut")}
              </button>
            ),
          )}
        </div>
      </div>
      {recording ? (
        <form onSubmit={handleSubmit} className="mt-2 flex flex-col gap-2 rounded-lg bg-neutral-50 p-3">
          {formMessage ? <InlineAlert message={formMessage} /> : null}
          <SelectField
            label={t("contacts.consent.method")}
            name="method"
            defaultValue="manual"
            options={methods.map((method) => ({
              value: method,
              label: t(`contacts.consent.methods.${method}`),
            }))}
          />
          <FormField
            label={t("contacts.consent.evidence")}
            name="evidence"
            maxLength={2000}
            hint={t("contacts.consent.evidenceHint")}
            error={fieldErrors.evidence}
          />
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={saving.isPending}
              className="focus-ring rounded-md bg-accent-600 px-3 py-1 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
            >
              {t(recording === "opted_in" ? "contacts.consent.saveOptIn" : "contacts.consent.saveOptOut")}
            </button>
            <button
              type="button"
              onClick={() => setRecording(undefined)}
              className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
            >
              {t("contacts.detail.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
