import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, problemOf } from "../../lib/problem";
import { InlineAlert } from "../members/inline-alert";
import { createSegment, deleteSegment, type Segment, segmentsQuery } from "./contact-records-api";
import type { ContactFilter } from "./contacts-api";

/** Saved views: the list narrowed to a segment, which stays live as contacts change. */
export function SegmentSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (segmentId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const segments = useQuery(segmentsQuery);
  const id = useId();
  const removing = useMutation({
    mutationFn: deleteSegment,
    onSuccess: async () => {
      onChange(undefined);
      await queryClient.invalidateQueries({ queryKey: segmentsQuery.queryKey });
    },
  });
  const current = segments.data?.find((segment) => segment.id === value);

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("contacts.segments.label")}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
        className="focus-ring max-w-48 rounded-md border border-neutral-300 bg-white px-2 py-2 text-sm"
      >
        <option value="">{t("contacts.segments.all")}</option>
        {(segments.data ?? []).map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.name}
          </option>
        ))}
      </select>
      {current ? (
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t("contacts.segments.confirmDelete", { name: current.name })))
              removing.mutate(current.id);
          }}
          disabled={removing.isPending}
          aria-label={t("contacts.segments.deleteNamed", { name: current.name })}
          className="focus-ring rounded-md px-2 py-2 text-sm text-neutral-600 hover:bg-neutral-100 hover:text-red-700"
        >
          {t("contacts.segments.delete")}
        </button>
      ) : null}
      <InlineAlert message={problemOf(removing.error)?.detail} />
    </div>
  );
}

/** Saves the applied filter as a named segment, then shows that segment. */
export function SaveSegmentForm({
  filter,
  onSaved,
}: {
  filter: ContactFilter;
  onSaved: (segment: Segment) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const id = useId();
  const errorId = useId();
  const saving = useMutation({
    mutationFn: createSegment,
    onSuccess: async (segment) => {
      setName("");
      await queryClient.invalidateQueries({ queryKey: segmentsQuery.queryKey });
      onSaved(segment);
    },
  });
  const problem = problemOf(saving.error);
  const message = fieldErrorsOf(problem).name ?? problem?.detail;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim()) saving.mutate({ name: name.trim(), filter });
  }

  return (
    <form
      onSubmit={handleSubmit}
      className="mt-2 flex flex-wrap items-start gap-2 rounded-xl border border-neutral-200 bg-white p-4"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-neutral-800">
          {t("contacts.segments.name")}
        </label>
        <input
          id={id}
          value={name}
          onChange={(event) => {
            saving.reset();
            setName(event.target.value);
          }}
          maxLength={100}
          autoComplete="off"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : undefined}
          className="focus-ring rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-600"
        />
        {message ? (
          <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
            {message}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={saving.isPending || !name.trim()}
        className="focus-ring mt-6 rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
      >
        {saving.isPending ? t("contacts.segments.saving") : t("contacts.segments.save")}
      </button>
    </form>
  );
}
