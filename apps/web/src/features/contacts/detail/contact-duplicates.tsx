import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { FormAlert } from "../../auth/auth-card";
import { type Duplicate, duplicatesQuery, mergeContacts } from "../contact-records-api";
import { type Contact, contactQuery, contactsKey } from "../contacts-api";
import { ModalDialog } from "../modal-dialog";

/**
 * Contacts that look like this one (same phone or email, similar name), each with why, and a merge into
 * this contact after a confirmation. Shows nothing when there are none.
 */
export function ContactDuplicates({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const duplicates = useQuery(duplicatesQuery(contact.id));
  const [merging, setMerging] = useState<Duplicate | undefined>(undefined);
  const merge = useMutation({
    mutationFn: mergeContacts,
    onSuccess: async (survivor) => {
      setMerging(undefined);
      queryClient.setQueryData(contactQuery(contact.id).queryKey, survivor);
      await queryClient.invalidateQueries({ queryKey: contactsKey });
    },
  });

  if (!duplicates.data || duplicates.data.length === 0) return null;

  return (
    <section
      aria-labelledby="contact-duplicates-title"
      className="rounded-xl border border-amber-300 bg-amber-50 p-5"
    >
      <h2 id="contact-duplicates-title" className="text-base font-semibold tracking-tight text-amber-950">
        {t("contacts.duplicates.title", { count: duplicates.data.length })}
      </h2>
      <p className="mt-1 text-sm text-amber-900">{t("contacts.duplicates.intro")}</p>
      <ul aria-labelledby="contact-duplicates-title" className="mt-3 flex flex-col gap-2">
        {duplicates.data.map((duplicate) => (
          <li
            key={duplicate.contact.id}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-amber-200 bg-white px-3 py-2 text-sm"
          >
            <div className="min-w-0 flex-1">
              <Link
                to="/contacts/$contactId"
                params={{ contactId: duplicate.contact.id }}
                className="focus-ring rounded font-medium text-neutral-900 hover:text-accent-700 hover:underline"
              >
                {duplicate.contact.name}
              </Link>
              <p className="truncate text-xs text-neutral-600" dir="auto">
                {[duplicate.contact.email, duplicate.contact.phone].filter(Boolean).join(" · ")}
              </p>
            </div>
            <ul aria-label={t("contacts.duplicates.reasons")} className="flex flex-wrap gap-1">
              {duplicate.reasons.map((reason) => (
                <li key={reason} className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
                  {t(`contacts.duplicates.reason.${reason}`)}
                </li>
              ))}
            </ul>
            <button
              type="button"
              onClick={() => {
                merge.reset();
                setMerging(duplicate);
              }}
              aria-label={t("contacts.duplicates.mergeNamed", { name: duplicate.contact.name })}
              className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
            >
              {t("contacts.duplicates.merge")}
            </button>
          </li>
        ))}
      </ul>
      <ModalDialog
        open={merging !== undefined}
        title={t("contacts.duplicates.confirmTitle")}
        onClose={() => setMerging(undefined)}
      >
        {merging ? (
          <div className="flex flex-col gap-4">
            <FormAlert message={problemOf(merge.error)?.detail} />
            <p className="text-sm text-neutral-700">
              {t("contacts.duplicates.confirm", { duplicate: merging.contact.name, survivor: contact.name })}
            </p>
            <div className="flex justify-end gap-2">
              <button
                type="button"
                onClick={() => setMerging(undefined)}
                className="focus-ring rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
              >
                {t("contacts.create.cancel")}
              </button>
              <button
                type="button"
                disabled={merge.isPending}
                aria-busy={merge.isPending || undefined}
                onClick={() => merge.mutate({ contactId: contact.id, duplicateIds: [merging.contact.id] })}
                className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
              >
                {merge.isPending ? t("contacts.duplicates.merging") : t("contacts.duplicates.mergeConfirm")}
              </button>
            </div>
          </div>
        ) : null}
      </ModalDialog>
    </section>
  );
}
