import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { InlineAlert } from "../../members/inline-alert";
import { createTag, tagContact, tagsQuery, untagContact } from "../contact-records-api";
import { type Contact, contactsKey } from "../contacts-api";

/** The contact's tags: remove one with its ✕, add one by name (a new name creates the tag). */
export function ContactTags({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tags = useQuery(tagsQuery);
  const [name, setName] = useState("");
  const inputId = useId();
  const listId = useId();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: contactsKey });
    await queryClient.invalidateQueries({ queryKey: tagsQuery.queryKey });
  };
  const adding = useMutation({
    mutationFn: async (tagName: string) => {
      const existing = tags.data?.find((tag) => tag.name.toLowerCase() === tagName.toLowerCase());
      const tag = existing ?? (await createTag(tagName));
      await tagContact({ contactId: contact.id, tagId: tag.id });
    },
    onSuccess: async () => {
      setName("");
      await refresh();
    },
  });
  const removing = useMutation({
    mutationFn: (tagId: string) => untagContact({ contactId: contact.id, tagId }),
    onSuccess: refresh,
  });
  const problem = problemOf(adding.error ?? removing.error);
  const linked = new Set(contact.tags.map((tag) => tag.id));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tagName = name.trim();
    if (tagName) adding.mutate(tagName);
  }

  return (
    <div>
      {contact.tags.length === 0 ? (
        <p className="text-sm text-neutral-600">{t("contacts.tags.none")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t("contacts.tags.title")}>
          {contact.tags.map((tag) => (
            <li
              key={tag.id}
              className="flex items-center gap-1 rounded-full border border-neutral-200 bg-white py-0.5 ps-2 pe-1 text-sm"
            >
              <span
                aria-hidden="true"
                className="size-2 rounded-full"
                style={{ backgroundColor: tag.color }}
              />
              {tag.name}
              <button
                type="button"
                onClick={() => removing.mutate(tag.id)}
                disabled={removing.isPending}
                aria-label={t("contacts.tags.remove", { name: tag.name })}
                className="focus-ring grid size-5 place-items-center rounded-full text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900"
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={handleSubmit} className="mt-3 flex gap-2">
        <label htmlFor={inputId} className="sr-only">
          {t("contacts.tags.add")}
        </label>
        <input
          id={inputId}
          list={listId}
          value={name}
          onChange={(event) => {
            adding.reset();
            setName(event.target.value);
          }}
          placeholder={t("contacts.tags.placeholder")}
          maxLength={50}
          autoComplete="off"
          className="focus-ring min-w-0 flex-1 rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm"
        />
        <datalist id={listId}>
          {(tags.data ?? [])
            .filter((tag) => !linked.has(tag.id))
            .map((tag) => (
              <option key={tag.id} value={tag.name} />
            ))}
        </datalist>
        <button
          type="submit"
          disabled={adding.isPending || !name.trim()}
          className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
        >
          {t("contacts.tags.addButton")}
        </button>
      </form>
      <InlineAlert message={problem?.detail} />
    </div>
  );
}
