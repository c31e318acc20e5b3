import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { InlineAlert } from "../../members/inline-alert";
import { syncTemplates } from "./templates-api";

/** "Sync templates" (owners and admins): Meta's list is fetched by a job, and the picker refreshes when it lands. */
export function SyncTemplatesButton({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const sync = useMutation({ mutationFn: () => syncTemplates(channelId) });
  return (
    <div>
      <button
        type="button"
        onClick={() => sync.mutate()}
        disabled={sync.isPending}
        aria-busy={sync.isPending || undefined}
        className="focus-ring rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
      >
        {sync.isPending ? t("inbox.templates.syncing") : t("inbox.templates.sync")}
      </button>
      <p role="status" className="mt-1 text-xs text-neutral-600 empty:hidden">
        {sync.isSuccess ? t("inbox.templates.syncQueued") : ""}
      </p>
      <InlineAlert message={problemOf(sync.error)?.detail} />
    </div>
  );
}
