import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import {
  type CannedReply,
  cannedRepliesKey,
  deleteCannedReply,
  updateCannedReply,
} from "../inbox/canned-replies-api";
import { InlineAlert } from "../members/inline-alert";
import { CannedReplyForm } from "./canned-reply-form";

/** One canned reply; its author, owners and admins change or delete it in place. */
export function CannedReplyRow({ reply, canEdit }: { reply: CannedReply; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const removing = useMutation({
    mutationFn: deleteCannedReply,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedRepliesKey }),
  });
  const shortcut = `/${reply.shortcut}`;

  function handleDelete() {
    if (!window.confirm(t("cannedReplies.confirmDelete", { shortcut }))) return;
    removing.mutate(reply.id);
  }

  if (editing) {
    return (
      <li className="border-t border-neutral-200 py-3">
        <CannedReplyForm
          label={t("cannedReplies.editNamed", { shortcut })}
          initial={{ shortcut: reply.shortcut, body: reply.body }}
          submitLabel={t("cannedReplies.save")}
          save={(changes) => updateCannedReply({ id: reply.id, changes })}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }

  return (
    <li
      data-testid="canned-reply"
      className="flex flex-wrap items-start gap-3 border-t border-neutral-200 py-3"
    >
      <div className="min-w-0 flex-1">
        <p className="font-mono text-sm font-medium text-neutral-900" dir="ltr">
          {shortcut}
        </p>
        <p className="mt-0.5 whitespace-pre-wrap break-words text-sm text-neutral-700">{reply.body}</p>
      </div>
      {canEdit ? (
        <div className="whitespace-nowrap">
          <button
            type="button"
            onClick={() => setEditing(true)}
            aria-label={t("cannedReplies.editNamed", { shortcut })}
            className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
          >
            {t("cannedReplies.edit")}
          </button>{" "}
          <button
            type="button"
            onClick={handleDelete}
            disabled={removing.isPending}
            aria-label={t("cannedReplies.deleteNamed", { shortcut })}
            className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
          >
            {removing.isPending ? t("cannedReplies.deleting") : t("cannedReplies.delete")}
          </button>
          <InlineAlert message={problemOf(removing.error)?.detail} />
        </div>
      ) : null}
    </li>
  );
}
