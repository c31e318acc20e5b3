import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../auth/auth-card";
import { membersQuery } from "../../members/members-api";
import { SelectField } from "../../members/select-field";
import { createTag, tagsQuery } from "../contact-records-api";
import { type LifecycleStage, lifecycleStages } from "../contacts-api";
import { ModalDialog } from "../modal-dialog";
import type { BulkAction } from "./bulk-api";

export type BulkKind = BulkAction["type"];

const fieldClass =
  "focus-ring rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm disabled:bg-neutral-100";

/**
 * One bulk action's form in a modal: its choice (tag, owner, stage) or, for delete, a plain confirmation.
 * `onApply` receives a function that resolves the action, so a new tag is created only on submit.
 */
export function BulkDialog({
  kind,
  target,
  busy,
  error,
  onApply,
  onClose,
}: {
  kind: BulkKind | undefined;
  /** "4 contacts", "all 1,234 matching contacts": the selection as the dialog names it. */
  target: string;
  busy: boolean;
  error: string | undefined;
  onApply: (resolve: () => Promise<BulkAction>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={kind !== undefined}
      title={kind ? t(`contacts.bulk.${kind}.title`, { target }) : ""}
      onClose={onClose}
    >
      {kind ? (
        <BulkForm
          key={kind}
          kind={kind}
          target={target}
          busy={busy}
          error={error}
          onApply={onApply}
          onClose={onClose}
        />
      ) : null}
    </ModalDialog>
  );
}

function BulkForm({
  kind,
  target,
  busy,
  error,
  onApply,
  onClose,
}: {
  kind: BulkKind;
  target: string;
  busy: boolean;
  error: string | undefined;
  onApply: (resolve: () => Promise<BulkAction>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tags = useQuery(tagsQuery);
  const members = useQuery(membersQuery);
  const [tagName, setTagName] = useState("");
  const tagInputId = useId();
  const tagListId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = String(data.get("value") ?? "");
    switch (kind) {
      case "tag": {
        const name = tagName.trim();
        if (!name) return;
        onApply(async () => {
          const existing = tags.data?.find((tag) => tag.name.toLowerCase() === name.toLowerCase());
          return { type: "tag", tagId: (existing ?? (await createTag(name))).id };
        });
        return;
      }
      case "untag":
        if (value) onApply(async () => ({ type: "untag", tagId: value }));
        return;
      case "assign":
        onApply(async () => ({ type: "assign", ownerId: value || null }));
        return;
      case "stage":
        onApply(async () => ({ type: "stage", lifecycleStage: value as LifecycleStage }));
        return;
      case "delete":
        onApply(async () => ({ type: "delete" }));
        return;
    }
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-4">
      <FormAlert message={error} />
      {kind === "tag" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={tagInputId} className="text-sm font-medium text-neutral-800">
            {t("contacts.bulk.tag.field")}
          </label>
          <input
            id={tagInputId}
            list={tagListId}
            value={tagName}
            onChange={(event) => setTagName(event.target.value)}
            maxLength={50}
            required
            autoComplete="off"
            disabled={busy}
            aria-describedby={`${tagInputId}-hint`}
            className={fieldClass}
          />
          <p id={`${tagInputId}-hint`} className="text-xs text-neutral-500">
            {t("contacts.bulk.tag.hint")}
          </p>
          <datalist id={tagListId}>
            {(tags.data ?? []).map((tag) => (
              <option key={tag.id} value={tag.name} />
            ))}
          </datalist>
        </div>
      ) : null}
      {kind === "untag" ? (
        (tags.data ?? []).length === 0 ? (
          <p className="text-sm text-neutral-600">{t("contacts.bulk.untag.none")}</p>
        ) : (
          <SelectField
            label={t("contacts.bulk.untag.field")}
            name="value"
            disabled={busy}
            options={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
          />
        )
      ) : null}
      {kind === "assign" ? (
        <SelectField
          label={t("contacts.bulk.assign.field")}
          name="value"
          disabled={busy}
          options={[
            ...(members.data ?? []).map((member) => ({ value: member.userId, label: member.name })),
            { value: "", label: t("contacts.detail.noOwner") },
          ]}
        />
      ) : null}
      {kind === "stage" ? (
        <SelectField
          label={t("contacts.bulk.stage.field")}
          name="value"
          disabled={busy}
          options={lifecycleStages.map((stage) => ({ value: stage, label: t(`contacts.stages.${stage}`) }))}
        />
      ) : null}
      {kind === "delete" ? (
        <p className="text-sm text-neutral-700">{t("contacts.bulk.delete.warning", { target })}</p>
      ) : null}
      <div className="mt-2 flex justify-end gap-2">
        <button
          type="button"
          onClick={onClose}
          className="focus-ring rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("contacts.create.cancel")}
        </button>
        <button
          type="submit"
          disabled={busy || (kind === "untag" && (tags.data ?? []).length === 0)}
          aria-busy={busy || undefined}
          className={`focus-ring rounded-md px-4 py-2 text-sm font-medium text-white disabled:opacity-60 ${
            kind === "delete" ? "bg-red-700 hover:bg-red-800" : "bg-accent-600 hover:bg-accent-700"
          }`}
        >
          {busy ? t("contacts.bulk.applying") : t(`contacts.bulk.${kind}.submit`)}
        </button>
      </div>
    </form>
  );
}
