import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { ModalDialog } from "../../contacts/modal-dialog";
import { InlineAlert } from "../../members/inline-alert";
import type { Conversation } from "../inbox-api";
import { useInboxPermission } from "../use-inbox-permission";
import { SyncTemplatesButton } from "./sync-templates-button";
import { TemplateList } from "./template-list";
import { TemplateSendForm } from "./template-send-form";
import { approvedTemplatesQuery } from "./templates-api";
import { TemplatesEmpty } from "./templates-empty";

/** The template dialog, opened from the composer or the closed-window notice; it closes once the template is sent. */
export function TemplatePicker({
  open,
  conversation,
  onClose,
}: {
  open: boolean;
  conversation: Conversation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} wide title={t("inbox.templates.title")} onClose={onClose}>
      <TemplateChooser conversation={conversation} onSent={onClose} />
    </ModalDialog>
  );
}

/** The number's approved templates, searchable by name, and the chosen one's form and preview. */
function TemplateChooser({ conversation, onSent }: { conversation: Conversation; onSent: () => void }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [q, setQ] = useState("");
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const canSync = useInboxPermission("templates.manage");
  const search = q.trim().toLowerCase();
  const templates = useInfiniteQuery(approvedTemplatesQuery(conversation.channelId, search));
  const rows = templates.data?.pages.flatMap((page) => page.data) ?? [];
  const selected = rows.find((template) => template.id === selectedId);

  if (templates.isPending) return <p className="text-sm text-neutral-600">{t("inbox.templates.loading")}</p>;
  if (templates.isError && rows.length === 0)
    return <InlineAlert message={problemOf(templates.error)?.detail} />;
  if (!search && rows.length === 0) return <TemplatesEmpty channelId={conversation.channelId} />;

  return (
    <div className="grid gap-4 md:grid-cols-[15rem_1fr]">
      <div className="flex min-w-0 flex-col gap-2">
        <label htmlFor={searchId} className="sr-only">
          {t("inbox.templates.search")}
        </label>
        <input
          id={searchId}
          type="search"
          value={q}
          placeholder={t("inbox.templates.search")}
          onChange={(event) => setQ(event.target.value)}
          className="focus-ring rounded-md border border-neutral-300 px-3 py-1.5 text-sm"
        />
        {rows.length === 0 ? (
          <p className="px-2 text-sm text-neutral-600">{t("inbox.templates.noMatch")}</p>
        ) : (
          <TemplateList
            templates={rows}
            selectedId={selectedId}
            hasMore={templates.hasNextPage}
            loadingMore={templates.isFetchingNextPage}
            onLoadMore={() => templates.fetchNextPage()}
            onSelect={setSelectedId}
          />
        )}
        {canSync ? <SyncTemplatesButton channelId={conversation.channelId} /> : null}
      </div>
      {selected ? (
        <TemplateSendForm key={selected.id} template={selected} conversation={conversation} onSent={onSent} />
      ) : (
        <p className="self-center text-center text-sm text-neutral-600">{t("inbox.templates.choose")}</p>
      )}
    </div>
  );
}
