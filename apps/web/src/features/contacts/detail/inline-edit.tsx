import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, problemOf } from "../../../lib/problem";
import { type Contact, type ContactChanges, contactQuery, contactsKey, updateContact } from "../contacts-api";

export type EditorProps<T> = {
  id: string;
  value: T;
  onChange: (value: T) => void;
  /** Saves now: a select calls it on change, a text input on Enter. */
  onCommit: (value?: T) => void;
  onCancel: () => void;
  invalid: boolean;
  describedBy: string | undefined;
};

type InlineEditProps<T> = {
  contact: Contact;
  label: string;
  /** What the read view shows; `null` shows a dash. */
  display: ReactNode;
  initial: T;
  /** The PATCH body for a value; a promise when saving needs a lookup first (a company by name). */
  toChanges: (value: T) => ContactChanges | Promise<ContactChanges>;
  /** Which `body.*` errors belong here: `email`, `phones`, `customFields.plan`. */
  errorKey: string;
  editor: (props: EditorProps<T>) => ReactNode;
};

/**
 * A field shown as text until clicked: then an editor where Enter saves (PATCH) and Escape cancels.
 * A refusal stays open beside the field with the server's message.
 */
export function InlineEdit<T>({
  contact,
  label,
  display,
  initial,
  toChanges,
  errorKey,
  editor,
}: InlineEditProps<T>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const errorId = `${id}-error`;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<T>(initial);
  const saving = useMutation({
    mutationFn: async (value: T) => updateContact({ id: contact.id, changes: await toChanges(value) }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(contactQuery(contact.id).queryKey, updated);
      setEditing(false);
      // Lists and the timeline show the change too; the contact itself is already fresh.
      await queryClient.invalidateQueries({
        queryKey: contactsKey,
        predicate: (query) => !(query.queryKey.length === 3 && query.queryKey[2] === contact.id),
      });
    },
  });
  const problem = problemOf(saving.error);
  const fieldErrors = fieldErrorsOf(problem);
  // The message of this field when the server names it, else whatever it said.
  const message =
    Object.entries(fieldErrors).find(
      ([field]) => field === errorKey || field.startsWith(`${errorKey}.`),
    )?.[1] ?? problem?.detail;

  function start() {
    saving.reset();
    setDraft(initial);
    setEditing(true);
  }

  function cancel() {
    saving.reset();
    setEditing(false);
  }

  const commit = (value?: T) => saving.mutate(value === undefined ? draft : value);

  if (!editing) {
    return (
      <div className="group flex min-w-0 flex-col gap-0.5">
        <dt className="text-xs font-medium text-neutral-500">{label}</dt>
        <dd className="min-w-0">
          <button
            type="button"
            onClick={start}
            aria-label={t("contacts.detail.editField", { field: label })}
            className="focus-ring -mx-1.5 flex w-[calc(100%+0.75rem)] min-w-0 items-center justify-between gap-2 rounded-md px-1.5 py-1 text-start text-sm text-neutral-900 hover:bg-neutral-100"
          >
            <span className="min-w-0 break-words">
              {display ?? <span className="text-neutral-400">{t("contacts.detail.empty")}</span>}
            </span>
            <span aria-hidden="true" className="text-xs text-neutral-400 opacity-0 group-hover:opacity-100">
              ✎
            </span>
          </button>
        </dd>
      </div>
    );
  }

  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <dt>
        <label htmlFor={id} className="text-xs font-medium text-neutral-500">
          {label}
        </label>
      </dt>
      <dd className="flex flex-col gap-1">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: Enter and Escape reach here from the editor's own inputs. */}
        <div
          className="flex flex-col gap-1"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              event.stopPropagation();
              cancel();
            }
          }}
        >
          {editor({
            id,
            value: draft,
            onChange: setDraft,
            onCommit: commit,
            onCancel: cancel,
            invalid: Boolean(message),
            describedBy: message ? errorId : undefined,
          })}
        </div>
        {message ? (
          <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
            {message}
          </p>
        ) : null}
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => commit()}
            disabled={saving.isPending}
            aria-busy={saving.isPending || undefined}
            className="focus-ring rounded-md bg-accent-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-accent-700 disabled:opacity-60"
          >
            {saving.isPending ? t("contacts.detail.saving") : t("contacts.detail.save")}
          </button>
          <button
            type="button"
            onClick={cancel}
            className="focus-ring rounded-md border border-neutral-300 px-2.5 py-1 text-xs font-medium text-neutral-700 hover:bg-neutral-100"
          >
            {t("contacts.detail.cancel")}
          </button>
        </div>
      </dd>
    </div>
  );
}

const inputClass =
  "focus-ring w-full rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600";

/** A one-line text editor: Enter saves. */
export function textEditor(
  options: { type?: string; dir?: "ltr"; list?: string; placeholder?: string } = {},
) {
  return ({ id, value, onChange, onCommit, invalid, describedBy }: EditorProps<string>) => (
    <input
      id={id}
      type={options.type ?? "text"}
      dir={options.dir}
      list={options.list}
      placeholder={options.placeholder}
      // biome-ignore lint/a11y/noAutofocus: the person just clicked the field to edit it.
      autoFocus
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          onCommit();
        }
      }}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className={inputClass}
    />
  );
}

/** A select that saves as soon as a choice is made. */
export function selectEditor(options: readonly { value: string; label: string }[]) {
  return ({ id, value, onChange, onCommit, invalid, describedBy }: EditorProps<string>) => (
    <select
      id={id}
      // biome-ignore lint/a11y/noAutofocus: the person just clicked the field to edit it.
      autoFocus
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
        onCommit(event.target.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          onCommit();
        }
      }}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className={inputClass}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** Checkboxes for a multi-select custom field; Save (or Enter) saves. */
export function checkboxesEditor(options: readonly string[], legend: string) {
  return ({ id, value, onChange, onCommit, invalid, describedBy }: EditorProps<string[]>) => (
    <fieldset
      id={id}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className="rounded-md border border-neutral-300 bg-white px-2 py-1"
    >
      <legend className="sr-only">{legend}</legend>
      {options.map((option) => (
        <label key={option} className="flex items-center gap-2 py-0.5 text-sm">
          <input
            type="checkbox"
            checked={value.includes(option)}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, option] : value.filter((item) => item !== option))
            }
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                onCommit();
              }
            }}
            className="focus-ring size-4 accent-accent-600"
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}
