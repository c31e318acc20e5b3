import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formProblemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { regionName } from "../crm-settings/countries";
import { crmSettingsQuery } from "../crm-settings/crm-settings-api";
import { SelectField } from "../members/select-field";
import { companySuggestionsQuery, findOrCreateCompany } from "./contact-records-api";
import {
  type Contact,
  contactsKey,
  createContact,
  type LifecycleStage,
  lifecycleStages,
} from "./contacts-api";
import { ModalDialog } from "./modal-dialog";
import { useDebouncedValue } from "./use-debounced-value";

type NewContact = {
  name: string;
  email: string;
  phone: string;
  company: string;
  lifecycleStage: LifecycleStage;
};

async function submitContact(input: NewContact): Promise<Contact> {
  const company = input.company ? await findOrCreateCompany(input.company) : undefined;
  return createContact({
    name: input.name,
    email: input.email || undefined,
    phone: input.phone || undefined,
    companyId: company?.id,
    lifecycleStage: input.lifecycleStage,
  });
}

/** The "New contact" form in a modal; errors from the server show beside their fields. */
export function NewContactDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (contact: Contact) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery(crmSettingsQuery);
  const [company, setCompany] = useState("");
  const companyQuery = useDebouncedValue(company.trim(), 250);
  const suggestions = useQuery({ ...companySuggestionsQuery(companyQuery), enabled: open });
  const suggestionsId = useId();
  const creating = useMutation({
    mutationFn: submitContact,
    onSuccess: async (contact) => {
      await queryClient.invalidateQueries({ queryKey: contactsKey });
      await queryClient.invalidateQueries({ queryKey: ["companies"] });
      setCompany("");
      onCreated(contact);
    },
  });
  const { fieldErrors, formMessage } = formProblemOf(creating.error);
  const busy = creating.isPending;
  const country = settings.data?.defaultCountry;

  function close() {
    creating.reset();
    onClose();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    creating.mutate({
      name: text("name"),
      email: text("email"),
      phone: text("phone"),
      company: company.trim(),
      lifecycleStage: text("lifecycleStage") as LifecycleStage,
    });
  }

  return (
    <ModalDialog open={open} title={t("contacts.create.title")} onClose={close}>
      <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
        <FormAlert message={formMessage} />
        <FormField
          label={t("contacts.fields.name")}
          name="name"
          required
          autoComplete="off"
          disabled={busy}
          error={fieldErrors.name}
        />
        <FormField
          label={t("contacts.fields.email")}
          name="email"
          type="email"
          dir="ltr"
          autoComplete="off"
          disabled={busy}
          error={fieldErrors.email}
        />
        <FormField
          label={t("contacts.fields.phone")}
          name="phone"
          type="tel"
          dir="ltr"
          autoComplete="off"
          disabled={busy}
          hint={
            country
              ? t("contacts.create.phoneHintCountry", { country: regionName(country, i18n.language) })
              : t("contacts.create.phoneHint")
          }
          error={fieldErrors.phone}
        />
        <FormField
          label={t("contacts.fields.company")}
          name="company"
          autoComplete="off"
          list={suggestionsId}
          value={company}
          onChange={(event) => setCompany(event.target.value)}
          disabled={busy}
          hint={t("contacts.create.companyHint")}
          error={fieldErrors.companyId ?? fieldErrors.domain}
        />
        <datalist id={suggestionsId}>
          {(suggestions.data ?? []).map((suggestion) => (
            <option key={suggestion.id} value={suggestion.name} />
          ))}
        </datalist>
        <SelectField
          label={t("contacts.fields.lifecycleStage")}
          name="lifecycleStage"
          defaultValue="lead"
          disabled={busy}
          options={lifecycleStages.map((stage) => ({ value: stage, label: t(`contacts.stages.${stage}`) }))}
        />
        <div className="mt-2 flex justify-end gap-2">
          <button
            type="button"
            onClick={close}
            className="focus-ring rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100"
          >
            {t("contacts.create.cancel")}
          </button>
          <button
            type="submit"
            disabled={busy}
            aria-busy={busy || undefined}
            className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
          >
            {busy ? t("contacts.create.busy") : t("contacts.create.submit")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
