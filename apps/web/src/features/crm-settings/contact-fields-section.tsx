import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formProblemOf, problemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { type CustomField, contactsKey, customFieldsQuery } from "../contacts/contacts-api";
import { InlineAlert } from "../members/inline-alert";
import { SelectField } from "../members/select-field";
import {
  type CustomFieldType,
  createCustomField,
  customFieldTypes,
  deleteCustomField,
  updateCustomField,
} from "./crm-settings-api";
import { keyFromLabel } from "./field-key";

const hasOptions = (type: CustomFieldType) => type === "select" || type === "multi_select";

const optionsOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

function useRefreshFields() {
  const queryClient = useQueryClient();
  // Contacts show custom values, so their lists and pages are stale too.
  return async () => {
    await queryClient.invalidateQueries({ queryKey: customFieldsQuery.queryKey });
    await queryClient.invalidateQueries({ queryKey: contactsKey });
  };
}

/** The organisation's custom contact fields: list, add, rename (and change options), delete. */
export function ContactFieldsSection() {
  const { t } = useTranslation();
  const fields = useQuery(customFieldsQuery);
  const titleId = useId();

  return (
    <div className="mt-6">
      <h3 id={titleId} className="text-base font-semibold tracking-tight">
        {t("crmSettings.fields.title")}
      </h3>
      <p className="mt-1 text-sm text-neutral-600">{t("crmSettings.fields.intro")}</p>
      <AddFieldForm />
      {fields.isPending ? (
        <p className="mt-4 text-sm text-neutral-600">{t("crmSettings.loading")}</p>
      ) : fields.isError ? (
        <InlineAlert message={problemOf(fields.error)?.detail} />
      ) : fields.data.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-600">{t("crmSettings.fields.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm" aria-labelledby={titleId}>
            <thead>
              <tr className="text-xs uppercase tracking-wide text-neutral-500">
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("crmSettings.fields.columns.label")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("crmSettings.fields.columns.key")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("crmSettings.fields.columns.type")}
                </th>
                <th scope="col" className="py-2 pe-4 text-start font-medium">
                  {t("crmSettings.fields.columns.options")}
                </th>
                <th scope="col" className="py-2 text-end font-medium">
                  <span className="sr-only">{t("crmSettings.fields.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.data.map((field) => (
                <FieldRow key={field.id} field={field} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function AddFieldForm() {
  const { t } = useTranslation();
  const refresh = useRefreshFields();
  const [label, setLabel] = useState("");
  const [key, setKey] = useState<string | undefined>(undefined);
  const [type, setType] = useState<CustomFieldType>("text");
  const [options, setOptions] = useState("");
  const optionsId = useId();
  const creating = useMutation({
    mutationFn: createCustomField,
    onSuccess: async () => {
      setLabel("");
      setKey(undefined);
      setType("text");
      setOptions("");
      await refresh();
    },
  });
  const { fieldErrors, formMessage } = formProblemOf(creating.error);
  const busy = creating.isPending;
  const effectiveKey = key ?? keyFromLabel(label);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    creating.mutate({
      label: label.trim(),
      key: effectiveKey,
      type,
      options: hasOptions(type) ? optionsOf(options) : undefined,
    });
  }

  return (
    <form
      onSubmit={handleSubmit}
      aria-label={t("crmSettings.fields.add")}
      className="mt-4 flex flex-col gap-4"
    >
      <FormAlert message={formMessage} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <FormField
          label={t("crmSettings.fields.label")}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          required
          maxLength={100}
          disabled={busy}
          error={fieldErrors.label}
        />
        <FormField
          label={t("crmSettings.fields.key")}
          value={effectiveKey}
          onChange={(event) => setKey(event.target.value)}
          dir="ltr"
          required
          maxLength={40}
          disabled={busy}
          hint={t("crmSettings.fields.keyHint")}
          error={fieldErrors.key}
        />
        <SelectField
          label={t("crmSettings.fields.type")}
          value={type}
          onChange={(event) => setType(event.target.value as CustomFieldType)}
          disabled={busy}
          options={customFieldTypes.map((value) => ({
            value,
            label: t(`crmSettings.fields.types.${value}`),
          }))}
        />
      </div>
      {hasOptions(type) ? (
        <OptionsField
          id={optionsId}
          value={options}
          onChange={setOptions}
          disabled={busy}
          error={fieldErrors.options}
        />
      ) : null}
      <div>
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {busy ? t("crmSettings.fields.adding") : t("crmSettings.fields.add")}
        </button>
      </div>
    </form>
  );
}

function OptionsField({
  id,
  value,
  onChange,
  disabled,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-neutral-800">
        {t("crmSettings.fields.options")}
      </label>
      <textarea
        id={id}
        rows={4}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        className="focus-ring rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600"
      />
      <p id={`${id}-hint`} className="text-xs text-neutral-500">
        {t("crmSettings.fields.optionsHint")}
      </p>
      {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
    </div>
  );
}

function FieldRow({ field }: { field: CustomField }) {
  const { t } = useTranslation();
  const refresh = useRefreshFields();
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(field.label);
  const [options, setOptions] = useState(field.options.join("\n"));
  const optionsId = useId();
  const saving = useMutation({
    mutationFn: updateCustomField,
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  });
  const removing = useMutation({ mutationFn: deleteCustomField, onSuccess: refresh });
  const { fieldErrors, formMessage } = formProblemOf(saving.error);

  function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    saving.mutate({
      id: field.id,
      changes: { label: label.trim(), options: hasOptions(field.type) ? optionsOf(options) : undefined },
    });
  }

  function handleDelete() {
    if (!window.confirm(t("crmSettings.fields.confirmDelete", { label: field.label }))) return;
    removing.mutate(field.id);
  }

  if (editing) {
    return (
      <tr className="border-t border-neutral-200 align-top">
        <td colSpan={5} className="py-3">
          <form
            onSubmit={handleSave}
            aria-label={t("crmSettings.fields.editNamed", { label: field.label })}
            className="flex flex-col gap-3"
          >
            <FormAlert message={formMessage} />
            <FormField
              label={t("crmSettings.fields.label")}
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              required
              maxLength={100}
              error={fieldErrors.label}
            />
            {hasOptions(field.type) ? (
              <OptionsField
                id={optionsId}
                value={options}
                onChange={setOptions}
                disabled={saving.isPending}
                error={fieldErrors.options}
              />
            ) : null}
            <div className="flex gap-2">
              <button
                type="submit"
                disabled={saving.isPending}
                className="focus-ring rounded-md bg-accent-600 px-3 py-1 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
              >
                {saving.isPending ? t("crmSettings.saving") : t("crmSettings.fields.save")}
              </button>
              <button
                type="button"
                onClick={() => {
                  saving.reset();
                  setLabel(field.label);
                  setOptions(field.options.join("\n"));
                  setEditing(false);
                }}
                className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
              >
                {t("crmSettings.fields.cancel")}
              </button>
            </div>
          </form>
        </td>
      </tr>
    );
  }

  return (
    <tr className="border-t border-neutral-200 align-top">
      <td className="py-2 pe-4 font-medium text-neutral-900">{field.label}</td>
      <td className="py-2 pe-4 font-mono text-neutral-700" dir="ltr">
        {field.key}
      </td>
      <td className="py-2 pe-4 text-neutral-700">{t(`crmSettings.fields.types.${field.type}`)}</td>
      <td className="py-2 pe-4 text-neutral-700">{field.options.join(", ") || "—"}</td>
      <td className="py-2 text-end whitespace-nowrap">
        <button
          type="button"
          onClick={() => setEditing(true)}
          aria-label={t("crmSettings.fields.editNamed", { label: field.label })}
          className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("crmSettings.fields.edit")}
        </button>{" "}
        <button
          type="button"
          onClick={handleDelete}
          disabled={removing.isPending}
          aria-label={t("crmSettings.fields.deleteNamed", { label: field.label })}
          className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
        >
          {removing.isPending ? t("crmSettings.fields.deleting") : t("crmSettings.fields.delete")}
        </button>
        <InlineAlert message={problemOf(removing.error)?.detail} />
      </td>
    </tr>
  );
}
