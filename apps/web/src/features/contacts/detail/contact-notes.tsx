import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../../components/load-more-button";
import { fieldErrorsOf, problemOf } from "../../../lib/problem";
import { formatDateTime } from "../../members/format-date";
import { InlineAlert } from "../../members/inline-alert";
import { membersQuery } from "../../members/members-api";
import { meQuery } from "../../session/me-query";
import { addNote, deleteNote, type Note, notesQuery, timelineQuery } from "../contact-records-api";
import { Markdown } from "./markdown";

/** Notes about the contact, newest first, written in Markdown. */
export function ContactNotes({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notes = useInfiniteQuery(notesQuery(contactId));
  const [body, setBody] = useState("");
  const fieldId = useId();
  const errorId = useId();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: notesQuery(contactId).queryKey });
    await queryClient.invalidateQueries({ queryKey: timelineQuery(contactId).queryKey });
  };
  const adding = useMutation({
    mutationFn: addNote,
    onSuccess: async () => {
      setBody("");
      await refresh();
    },
  });
  const problem = problemOf(adding.error);
  const message = fieldErrorsOf(problem).body ?? problem?.detail;
  const rows = notes.data?.pages.flatMap((page) => page.data) ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (body.trim()) adding.mutate({ contactId, body });
  }

  return (
    <div>
      <form onSubmit={handleSubmit} className="flex flex-col gap-2">
        <label htmlFor={fieldId} className="text-sm font-medium text-neutral-800">
          {t("contacts.notes.new")}
        </label>
        <textarea
          id={fieldId}
          value={body}
          rows={3}
          maxLength={20_000}
          onChange={(event) => {
            adding.reset();
            setBody(event.target.value);
          }}
          onKeyDown={(event) => {
            // Ctrl/Cmd+Enter saves, as in most editors; a plain Enter is a new line.
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          placeholder={t("contacts.notes.placeholder")}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : undefined}
          className="focus-ring rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600"
        />
        {message ? (
          <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
            {message}
          </p>
        ) : null}
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-neutral-500">{t("contacts.notes.hint")}</p>
          <button
            type="submit"
            disabled={adding.isPending || !body.trim()}
            aria-busy={adding.isPending || undefined}
            className="focus-ring rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
          >
            {adding.isPending ? t("contacts.notes.adding") : t("contacts.notes.add")}
          </button>
        </div>
      </form>
      {notes.isPending ? (
        <p className="mt-4 text-sm text-neutral-600">{t("contacts.notes.loading")}</p>
      ) : notes.isError && rows.length === 0 ? (
        <InlineAlert message={problemOf(notes.error)?.detail} />
      ) : rows.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-600">{t("contacts.notes.none")}</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-3" aria-label={t("contacts.notes.title")}>
          {rows.map((note) => (
            <NoteItem key={note.id} note={note} onDeleted={refresh} />
          ))}
        </ul>
      )}
      <LoadMoreButton
        hasMore={notes.hasNextPage}
        loading={notes.isFetchingNextPage}
        onLoad={() => notes.fetchNextPage()}
      />
    </div>
  );
}

function NoteItem({ note, onDeleted }: { note: Note; onDeleted: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const me = useQuery(meQuery);
  const members = useQuery(membersQuery);
  const removing = useMutation({ mutationFn: deleteNote, onSuccess: onDeleted });
  const author =
    members.data?.find((member) => member.userId === note.authorId)?.name ?? t("contacts.notes.apiAuthor");
  const canDelete =
    me.data !== undefined && (me.data.role !== "member" || me.data.caller.id === note.authorId);

  return (
    <li className="rounded-lg border border-neutral-200 bg-neutral-50 p-3">
      <div className="mb-1 flex items-center justify-between gap-2 text-xs text-neutral-500">
        <span>
          <span className="font-medium text-neutral-700">{author}</span> ·{" "}
          <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, i18n.language)}</time>
        </span>
        {canDelete ? (
          <button
            type="button"
            onClick={() => {
              if (window.confirm(t("contacts.notes.confirmDelete")))
                removing.mutate({ contactId: note.contactId, noteId: note.id });
            }}
            disabled={removing.isPending}
            className="focus-ring rounded px-1.5 py-0.5 font-medium text-neutral-600 hover:bg-neutral-200 hover:text-neutral-900"
          >
            {t("contacts.notes.delete")}
          </button>
        ) : null}
      </div>
      <Markdown source={note.body} />
      <InlineAlert message={problemOf(removing.error)?.detail} />
    </li>
  );
}
