import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../../lib/problem";
import { FormAlert } from "../../auth/auth-card";
import { FormField } from "../../auth/form-field";
import { eraseContact, personalDataUrl } from "../contact-records-api";
import { type Contact, contactQuery, contactsKey } from "../contacts-api";
import { ModalDialog } from "../modal-dialog";

/** GDPR requests for one contact (owners and admins): a copy of their data, or erasure for good. */
export function ContactPrivacy({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const [erasing, setErasing] = useState(false);
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-neutral-600">{t("contacts.gdpr.intro")}</p>
      <div className="flex flex-wrap gap-2">
        <a
          href={personalDataUrl(contact.id)}
          download
          className="focus-ring rounded-md border border-neutral-300 px-3 py-1.5 font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("contacts.gdpr.download")}
        </a>
        <button
          type="button"
          onClick={() => setErasing(true)}
          className="focus-ring rounded-md border border-red-300 px-3 py-1.5 font-medium text-red-700 hover:bg-red-50"
        >
          {t("contacts.gdpr.erase")}
        </button>
      </div>
      <ModalDialog
        open={erasing}
        title={t("contacts.gdpr.confirmTitle", { name: contact.name })}
        onClose={() => setErasing(false)}
      >
        <EraseForm contact={contact} onCancel={() => setErasing(false)} />
      </ModalDialog>
    </div>
  );
}

function EraseForm({ contact, onCancel }: { contact: Contact; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typed, setTyped] = useState("");
  const word = t("contacts.gdpr.confirmWord");
  const erase = useMutation({
    mutationFn: eraseContact,
    onSuccess: async () => {
      // Leave first: the page's queries would otherwise ask again for a contact that is gone.
      await navigate({ to: "/contacts" });
      queryClient.removeQueries({ queryKey: contactQuery(contact.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: contactsKey });
    },
  });
  const busy = erase.isPending || erase.isSuccess;
  const armed = typed.trim().toLowerCase() === word.toLowerCase();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (armed) erase.mutate(contact.id);
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-4">
      <FormAlert message={problemOf(erase.error)?.detail} />
      <p className="text-sm text-neutral-700">{t("contacts.gdpr.warning", { name: contact.name })}</p>
      <FormField
        label={t("contacts.gdpr.confirmLabel", { word })}
        name="confirm"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        disabled={busy}
      />
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onCancel}
          className="focus-ring rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
        >
          {t("contacts.create.cancel")}
        </button>
        <button
          type="submit"
          disabled={busy || !armed}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {busy ? t("contacts.gdpr.erasing") : t("contacts.gdpr.confirmSubmit")}
        </button>
      </div>
    </form>
  );
}
