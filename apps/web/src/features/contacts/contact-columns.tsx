import { Link } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { formatDate } from "../members/format-date";
import { formatCustomValue } from "./contact-format";
import type { Contact, CustomField } from "./contacts-api";

export type CellContext = {
  language: string;
  t: TFunction;
  ownerName: (userId: string) => string | undefined;
};

export type ContactColumn = {
  id: string;
  label: string;
  /** The `sort` parameter for the columns the server can order by. */
  sortField?: string;
  /** The narrowest the column gets, in rem, and its share of any extra width. */
  minRem: number;
  grow: number;
  cell: (contact: Contact, context: CellContext) => ReactNode;
};

const muted = (text: string | null | undefined): ReactNode =>
  text || <span className="text-neutral-400">—</span>;

// Phones and emails read left to right in every language, so they keep their order inside RTL text.
const ltr = (text: string | null | undefined): ReactNode =>
  text ? <span dir="ltr">{text}</span> : <span className="text-neutral-400">—</span>;

/** The columns every organisation has; `name` always shows and comes first. */
export function builtInColumns(t: TFunction): ContactColumn[] {
  return [
    {
      id: "name",
      label: t("contacts.columns.name"),
      sortField: "name",
      minRem: 12,
      grow: 2,
      cell: (contact) => (
        <Link
          to="/contacts/$contactId"
          params={{ contactId: contact.id }}
          tabIndex={-1}
          className="font-medium text-neutral-900 hover:text-accent-700 hover:underline"
        >
          {contact.name}
        </Link>
      ),
    },
    {
      id: "email",
      label: t("contacts.columns.email"),
      sortField: "email",
      minRem: 12,
      grow: 2,
      cell: (contact) => ltr(contact.email),
    },
    {
      id: "phone",
      label: t("contacts.columns.phone"),
      sortField: "phone",
      minRem: 9,
      grow: 1,
      cell: (contact) => ltr(contact.phone),
    },
    {
      id: "company",
      label: t("contacts.columns.company"),
      minRem: 9,
      grow: 1,
      cell: (contact) => muted(contact.company?.name),
    },
    {
      id: "lifecycleStage",
      label: t("contacts.columns.lifecycleStage"),
      sortField: "lifecycleStage",
      minRem: 8,
      grow: 1,
      cell: (contact, { t }) => <StageBadge label={t(`contacts.stages.${contact.lifecycleStage}`)} />,
    },
    {
      id: "owner",
      label: t("contacts.columns.owner"),
      sortField: "ownerId",
      minRem: 8,
      grow: 1,
      cell: (contact, { ownerName }) => muted(contact.ownerId ? ownerName(contact.ownerId) : undefined),
    },
    {
      id: "tags",
      label: t("contacts.columns.tags"),
      minRem: 9,
      grow: 1.5,
      cell: (contact) =>
        contact.tags.length === 0 ? (
          muted(undefined)
        ) : (
          <span className="flex gap-1 overflow-hidden">
            {contact.tags.map((tag) => (
              <span
                key={tag.id}
                className="shrink-0 rounded-full border border-neutral-200 px-2 py-0.5 text-xs text-neutral-700"
              >
                <span
                  aria-hidden="true"
                  className="me-1 inline-block size-2 rounded-full"
                  style={{ backgroundColor: tag.color }}
                />
                {tag.name}
              </span>
            ))}
          </span>
        ),
    },
    {
      id: "source",
      label: t("contacts.columns.source"),
      sortField: "source",
      minRem: 7,
      grow: 1,
      cell: (contact) => muted(contact.source),
    },
    {
      id: "language",
      label: t("contacts.columns.language"),
      sortField: "language",
      minRem: 6,
      grow: 0.7,
      cell: (contact) => muted(contact.language),
    },
    {
      id: "timezone",
      label: t("contacts.columns.timezone"),
      sortField: "timezone",
      minRem: 8,
      grow: 1,
      cell: (contact) => muted(contact.timezone),
    },
    {
      id: "createdAt",
      label: t("contacts.columns.createdAt"),
      sortField: "createdAt",
      minRem: 8,
      grow: 1,
      cell: (contact, { language }) => formatDate(contact.createdAt, language),
    },
    {
      id: "updatedAt",
      label: t("contacts.columns.updatedAt"),
      sortField: "updatedAt",
      minRem: 8,
      grow: 1,
      cell: (contact, { language }) => formatDate(contact.updatedAt, language),
    },
  ];
}

/** One column per custom field; all but multi-selects sort on the server. */
export function customFieldColumns(fields: readonly CustomField[]): ContactColumn[] {
  return fields.map((field) => ({
    id: `custom.${field.key}`,
    label: field.label,
    sortField: field.type === "multi_select" ? undefined : `custom.${field.key}`,
    minRem: field.type === "boolean" ? 6 : 8,
    grow: field.type === "boolean" ? 0.7 : 1,
    cell: (contact, { language, t }) =>
      muted(formatCustomValue(field, contact.customFields[field.key], language, t)),
  }));
}

export const defaultColumnIds = ["name", "email", "phone", "company", "lifecycleStage", "tags", "createdAt"];

export function StageBadge({ label }: { label: string }) {
  return (
    <span className="rounded-full bg-accent-50 px-2 py-0.5 text-xs font-medium text-accent-700">{label}</span>
  );
}
