import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { membersQuery } from "../../members/members-api";
import { formatCustomValue } from "../contact-format";
import { findOrCreateCompany } from "../contact-records-api";
import { type Contact, type CustomField, customFieldsQuery, lifecycleStages } from "../contacts-api";
import { checkboxesEditor, InlineEdit, selectEditor, textEditor } from "./inline-edit";

const orNull = (text: string) => text.trim() || null;
const listOf = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

const timeZones = (() => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
})();

/** The contact's own fields, each editable in place. */
export function ContactFields({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery);
  const zonesId = useId();
  const ltr = (text: string | null) => (text ? <span dir="ltr">{text}</span> : null);

  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.email")}
        display={ltr(contact.email)}
        initial={contact.email ?? ""}
        toChanges={(value) => ({ email: orNull(value) })}
        errorKey="email"
        editor={textEditor({ type: "email", dir: "ltr" })}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.phone")}
        display={ltr(contact.phone)}
        initial={contact.phone ?? ""}
        toChanges={(value) => ({ phone: orNull(value) })}
        errorKey="phone"
        editor={textEditor({ type: "tel", dir: "ltr" })}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.otherEmails")}
        display={contact.emails.length > 0 ? ltr(contact.emails.join(", ")) : null}
        initial={contact.emails.join(", ")}
        toChanges={(value) => ({ emails: listOf(value) })}
        errorKey="emails"
        editor={textEditor({ dir: "ltr", placeholder: t("contacts.detail.listHint") })}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.otherPhones")}
        display={contact.phones.length > 0 ? ltr(contact.phones.join(", ")) : null}
        initial={contact.phones.join(", ")}
        toChanges={(value) => ({ phones: listOf(value) })}
        errorKey="phones"
        editor={textEditor({ dir: "ltr", placeholder: t("contacts.detail.listHint") })}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.company")}
        display={contact.company?.name ?? null}
        initial={contact.company?.name ?? ""}
        toChanges={async (value) => ({
          companyId: value.trim() ? (await findOrCreateCompany(value.trim())).id : null,
        })}
        errorKey="companyId"
        editor={textEditor()}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.lifecycleStage")}
        display={t(`contacts.stages.${contact.lifecycleStage}`)}
        initial={contact.lifecycleStage as string}
        toChanges={(value) => ({ lifecycleStage: value as Contact["lifecycleStage"] })}
        errorKey="lifecycleStage"
        editor={selectEditor(
          lifecycleStages.map((stage) => ({ value: stage, label: t(`contacts.stages.${stage}`) })),
        )}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.owner")}
        display={members.data?.find((member) => member.userId === contact.ownerId)?.name ?? null}
        initial={contact.ownerId ?? ""}
        toChanges={(value) => ({ ownerId: value || null })}
        errorKey="ownerId"
        editor={selectEditor([
          { value: "", label: t("contacts.detail.noOwner") },
          ...(members.data ?? []).map((member) => ({ value: member.userId, label: member.name })),
        ])}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.source")}
        display={contact.source}
        initial={contact.source ?? ""}
        toChanges={(value) => ({ source: orNull(value) })}
        errorKey="source"
        editor={textEditor()}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.language")}
        display={contact.language}
        initial={contact.language ?? ""}
        toChanges={(value) => ({ language: orNull(value) })}
        errorKey="language"
        editor={textEditor({ dir: "ltr", placeholder: "en, pt-BR" })}
      />
      <InlineEdit
        contact={contact}
        label={t("contacts.fields.timezone")}
        display={contact.timezone}
        initial={contact.timezone ?? ""}
        toChanges={(value) => ({ timezone: orNull(value) })}
        errorKey="timezone"
        editor={textEditor({ dir: "ltr", list: zonesId, placeholder: "Europe/Paris" })}
      />
      <datalist id={zonesId}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </dl>
  );
}

/** The organisation's custom fields for this contact, each with the editor its type calls for. */
export function CustomFieldValues({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const fields = useQuery(customFieldsQuery);
  if (!fields.data || fields.data.length === 0) {
    return <p className="text-sm text-neutral-600">{t("contacts.detail.noCustomFields")}</p>;
  }
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {fields.data.map((field) => (
        <CustomFieldValue key={field.id} contact={contact} field={field} />
      ))}
    </dl>
  );
}

function CustomFieldValue({ contact, field }: { contact: Contact; field: CustomField }) {
  const { t, i18n } = useTranslation();
  const value = contact.customFields[field.key];
  const common = {
    contact,
    label: field.label,
    display: formatCustomValue(field, value, i18n.language, t) ?? null,
    errorKey: `customFields.${field.key}`,
  };
  const save = (next: unknown) => ({ customFields: { [field.key]: next } });

  switch (field.type) {
    case "multi_select":
      return (
        <InlineEdit
          {...common}
          initial={Array.isArray(value) ? (value as string[]) : []}
          toChanges={(next) => save(next.length > 0 ? next : null)}
          editor={checkboxesEditor(field.options, field.label)}
        />
      );
    case "select":
    case "boolean": {
      const options =
        field.type === "boolean"
          ? [
              { value: "true", label: t("contacts.yes") },
              { value: "false", label: t("contacts.no") },
            ]
          : field.options.map((option) => ({ value: option, label: option }));
      return (
        <InlineEdit
          {...common}
          initial={value === undefined || value === null ? "" : String(value)}
          toChanges={(next) => save(next === "" ? null : field.type === "boolean" ? next === "true" : next)}
          editor={selectEditor([{ value: "", label: t("contacts.detail.noValue") }, ...options])}
        />
      );
    }
    case "number":
      return (
        <InlineEdit
          {...common}
          initial={typeof value === "number" ? String(value) : ""}
          // A text that is not a number goes as text, so the server's message names the field.
          toChanges={(next) =>
            save(next.trim() === "" ? null : Number.isNaN(Number(next)) ? next : Number(next))
          }
          editor={textEditor({ type: "number" })}
        />
      );
    case "date":
      return (
        <InlineEdit
          {...common}
          initial={typeof value === "string" ? value : ""}
          toChanges={(next) => save(next || null)}
          editor={textEditor({ type: "date" })}
        />
      );
    default:
      return (
        <InlineEdit
          {...common}
          initial={typeof value === "string" ? value : ""}
          toChanges={(next) => save(next.trim() || null)}
          editor={textEditor()}
        />
      );
  }
}
