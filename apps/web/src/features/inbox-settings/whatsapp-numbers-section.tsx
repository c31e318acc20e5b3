import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { useRealtimeEvent } from "../../lib/use-realtime";
import { channelsQuery } from "../inbox/inbox-api";
import { useInboxPermission } from "../inbox/use-inbox-permission";
import { InlineAlert } from "../members/inline-alert";
import { ConnectNumberForm } from "./connect-number-form";
import { WhatsAppNumberCard } from "./whatsapp-number-card";

/**
 * The organisation's WhatsApp numbers, for everyone to see; connecting, changing and disconnecting
 * them is for owners and admins. A refresh's answer arrives by a job and shows without reloading.
 */
export function WhatsAppNumbersSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canManage = useInboxPermission("channels.manage");
  const channels = useQuery(channelsQuery);
  const [connecting, setConnecting] = useState(false);
  useRealtimeEvent(
    "inbox.channel.changed",
    () => void queryClient.invalidateQueries({ queryKey: channelsQuery.queryKey }),
  );

  return (
    <section
      id="whatsapp-numbers"
      aria-labelledby="whatsapp-numbers-title"
      className="scroll-mt-4 rounded-xl border border-neutral-200 bg-white p-6"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="whatsapp-numbers-title" className="text-lg font-semibold tracking-tight">
            {t("whatsappNumbers.title")}
          </h2>
          <p className="mt-1 text-sm text-neutral-600">
            {canManage ? t("whatsappNumbers.intro") : t("whatsappNumbers.introMember")}
          </p>
        </div>
        {canManage ? (
          <button
            type="button"
            aria-expanded={connecting}
            onClick={() => setConnecting(!connecting)}
            className="focus-ring rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 aria-expanded:bg-neutral-100"
          >
            {t("whatsappNumbers.connect.open")}
          </button>
        ) : null}
      </div>
      {connecting ? <ConnectNumberForm onConnected={() => setConnecting(false)} /> : null}
      {channels.isPending ? (
        <p className="mt-4 text-sm text-neutral-600">{t("whatsappNumbers.loading")}</p>
      ) : channels.isError ? (
        <InlineAlert message={problemOf(channels.error)?.detail} />
      ) : channels.data.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-600">{t("whatsappNumbers.empty")}</p>
      ) : (
        <ul aria-labelledby="whatsapp-numbers-title" className="mt-4 flex flex-col gap-3">
          {channels.data.map((channel) => (
            <WhatsAppNumberCard key={channel.id} channel={channel} canManage={canManage} />
          ))}
        </ul>
      )}
    </section>
  );
}
