import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formProblemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { type CannedReply, type CannedReplyInput, cannedRepliesKey } from "../inbox/canned-replies-api";

/**
 * A canned reply's shortcut and text, to add one or change one; the server's refusals (a shortcut
 * taken, an unknown variable) show beside the field they concern.
 */
export function CannedReplyForm({
  label,
  initial,
  submitLabel,
  save,
  onSaved,
  onCancel,
}: {
  label: string;
  initial: CannedReplyInput;
  submitLabel: string;
  save: (input: CannedReplyInput) => Promise<CannedReply>;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const bodyId = useId();
  const [shortcut, setShortcut] = useState(initial.shortcut);
  const [body, setBody] = useState(initial.body);
  const saving = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cannedRepliesKey });
      onSaved();
    },
  });
  const { fieldErrors, formMessage } = formProblemOf(saving.error);
  const busy = saving.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    saving.mutate({ shortcut: shortcut.trim().replace(/^\//, ""), body: body.trim() });
  }

  return (
    <form onSubmit={handleSubmit} aria-label={label} className="flex flex-col gap-3">
      <FormAlert message={formMessage} />
      <FormField
        label={t("cannedReplies.shortcut")}
        value={shortcut}
        onChange={(event) => setShortcut(event.target.value)}
        dir="ltr"
        autoComplete="off"
        required
        maxLength={33}
        disabled={busy}
        hint={t("cannedReplies.shortcutHint")}
        error={fieldErrors.shortcut}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={bodyId} className="text-sm font-medium text-neutral-800">
          {t("cannedReplies.body")}
        </label>
        <textarea
          id={bodyId}
          rows={3}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          required
          maxLength={4096}
          disabled={busy}
          aria-invalid={fieldErrors.body ? true : undefined}
          aria-describedby={fieldErrors.body ? `${bodyId}-error` : undefined}
          className="focus-ring rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600 disabled:bg-neutral-100"
        />
        {fieldErrors.body ? (
          <p id={`${bodyId}-error`} className="text-xs font-medium text-red-700">
            {fieldErrors.body}
          </p>
        ) : null}
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {busy ? t("cannedReplies.saving") : submitLabel}
        </button>
        {onCancel ? (
          <button
            type="button"
            onClick={onCancel}
            className="focus-ring rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
          >
            {t("cannedReplies.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
