import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { channelsQuery, type WhatsAppChannel } from "../inbox/inbox-api";
import { formatDate } from "../members/format-date";
import { InlineAlert } from "../members/inline-alert";
import { NumberSettingsForm } from "./number-settings-form";
import { QualityBadge } from "./quality-badge";
import { disconnectNumber, refreshNumber } from "./whatsapp-numbers-api";

const actionButton =
  "focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60 aria-expanded:bg-neutral-100";

/** One connected number: who customers see, how Meta rates it, its last refusal, and what admins can do with it. */
export function WhatsAppNumberCard({ channel, canManage }: { channel: WhatsAppChannel; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refreshing = useMutation({ mutationFn: refreshNumber });
  const disconnecting = useMutation({
    mutationFn: disconnectNumber,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelsQuery.queryKey }),
  });
  const number = channel.displayPhoneNumber ?? channel.phoneNumberId;

  function handleDisconnect() {
    if (!window.confirm(t("whatsappNumbers.confirmDisconnect", { number }))) return;
    disconnecting.mutate(channel.id);
  }

  return (
    <li data-testid="whatsapp-number" className="rounded-lg border border-neutral-200 p-4">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-semibold text-neutral-900" dir="ltr">
            {number}
          </p>
          <p className="text-sm text-neutral-700">{channel.verifiedName ?? t("whatsappNumbers.noName")}</p>
          <p className="mt-1 text-xs text-neutral-500">
            {t("whatsappNumbers.ids", { phoneNumberId: channel.phoneNumberId, wabaId: channel.wabaId })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <QualityBadge rating={channel.qualityRating} />
          {channel.messagingLimitTier ? (
            <span className="rounded-full bg-neutral-100 px-2 py-0.5 text-xs font-medium text-neutral-700">
              {t("whatsappNumbers.tier", { tier: channel.messagingLimitTier })}
            </span>
          ) : null}
          {channel.isSandbox ? (
            <span
              data-testid="sandbox-badge"
              className="rounded-full bg-accent-100 px-2 py-0.5 text-xs font-medium text-accent-800"
            >
              {t("whatsappNumbers.sandbox")}
            </span>
          ) : null}
        </div>
      </div>
      {channel.lastError ? (
        <div
          role="alert"
          className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <p className="font-medium">{t("whatsappNumbers.lastError")}</p>
          <p className="mt-0.5 break-words">{channel.lastError}</p>
        </div>
      ) : null}
      <p className="mt-3 text-xs text-neutral-600">
        {t("whatsappNumbers.details", {
          rate: channel.sendRatePerSecond,
          date: formatDate(channel.createdAt, i18n.language),
        })}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => refreshing.mutate(channel.id)}
          disabled={refreshing.isPending}
          className={actionButton}
        >
          {refreshing.isPending ? t("whatsappNumbers.refreshing") : t("whatsappNumbers.refresh")}
        </button>
        {canManage ? (
          <>
            <button
              type="button"
              aria-expanded={editing}
              onClick={() => setEditing(!editing)}
              className={actionButton}
            >
              {t("whatsappNumbers.settings.open")}
            </button>
            <button
              type="button"
              onClick={handleDisconnect}
              disabled={disconnecting.isPending}
              className={`${actionButton} text-red-700 hover:bg-red-50`}
            >
              {disconnecting.isPending ? t("whatsappNumbers.disconnecting") : t("whatsappNumbers.disconnect")}
            </button>
          </>
        ) : null}
      </div>
      <p role="status" className="mt-1 text-xs text-neutral-600 empty:hidden">
        {refreshing.isSuccess ? t("whatsappNumbers.refreshQueued") : ""}
      </p>
      <InlineAlert message={problemOf(refreshing.error ?? disconnecting.error)?.detail} />
      {editing ? <NumberSettingsForm channel={channel} onDone={() => setEditing(false)} /> : null}
    </li>
  );
}
