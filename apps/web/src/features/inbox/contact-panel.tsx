import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { StageBadge } from "../contacts/contact-columns";
import { contactQuery } from "../contacts/contacts-api";
import { type Conversation, contactConversationsQuery } from "./inbox-api";
import type { InboxSearch } from "./inbox-search";
import { formatRelativeTime } from "./relative-time";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-neutral-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-neutral-900">
        {children ?? <span className="text-neutral-400">—</span>}
      </dd>
    </div>
  );
}

/** The customer in the CRM: who they are, their tags and stage, and their other conversations. */
export function ContactPanel({
  conversation,
  search,
  now,
}: {
  conversation: Conversation;
  search: InboxSearch;
  now: number;
}) {
  const { t } = useTranslation();
  const contact = useQuery(contactQuery(conversation.contact.id));
  const ltr = (text: string | null | undefined) => (text ? <span dir="ltr">{text}</span> : null);

  return (
    <div className="flex flex-col gap-5 p-4">
      <div>
        <h2 className="text-base font-semibold tracking-tight">{t("inbox.contact.title")}</h2>
        <Link
          to="/contacts/$contactId"
          params={{ contactId: conversation.contact.id }}
          className="focus-ring mt-1 inline-block rounded text-sm font-medium text-accent-700 hover:underline"
        >
          {t("inbox.contact.open")}
        </Link>
      </div>
      {contact.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {problemOf(contact.error)?.detail}
        </p>
      ) : (
        <dl className="flex flex-col gap-3" aria-busy={contact.isPending || undefined}>
          <Field label={t("contacts.fields.name")}>{contact.data?.name ?? conversation.contact.name}</Field>
          <Field label={t("contacts.fields.phone")}>
            {ltr(contact.data?.phone ?? conversation.contact.phone)}
          </Field>
          <Field label={t("contacts.fields.email")}>
            {ltr(contact.data?.email ?? conversation.contact.email)}
          </Field>
          <Field label={t("contacts.fields.company")}>{contact.data?.company?.name}</Field>
          <Field label={t("contacts.fields.lifecycleStage")}>
            {contact.data ? <StageBadge label={t(`contacts.stages.${contact.data.lifecycleStage}`)} /> : null}
          </Field>
          <Field label={t("contacts.tags.title")}>
            {contact.data && contact.data.tags.length > 0 ? (
              <ul className="flex flex-wrap gap-1">
                {contact.data.tags.map((tag) => (
                  <li
                    key={tag.id}
                    className="rounded-full border border-neutral-200 px-2 py-0.5 text-xs text-neutral-700"
                  >
                    <span
                      aria-hidden="true"
                      className="me-1 inline-block size-2 rounded-full"
                      style={{ backgroundColor: tag.color }}
                    />
                    {tag.name}
                  </li>
                ))}
              </ul>
            ) : null}
          </Field>
        </dl>
      )}
      <OtherConversations conversation={conversation} search={search} now={now} />
    </div>
  );
}

function OtherConversations({
  conversation,
  search,
  now,
}: {
  conversation: Conversation;
  search: InboxSearch;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const active = useQuery(contactConversationsQuery(conversation.contact.id, "active"));
  const resolved = useQuery(contactConversationsQuery(conversation.contact.id, "resolved"));
  const others = [...(active.data ?? []), ...(resolved.data ?? [])]
    .filter((other) => other.id !== conversation.id)
    .sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
  const failed = active.error ?? resolved.error;
  const headingId = useId();

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-sm font-semibold">
        {t("inbox.contact.otherConversations")}
      </h3>
      {failed ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {problemOf(failed)?.detail}
        </p>
      ) : active.isPending || resolved.isPending ? (
        <p className="mt-1 text-sm text-neutral-500">{t("inbox.contact.loading")}</p>
      ) : others.length === 0 ? (
        <p className="mt-1 text-sm text-neutral-500">{t("inbox.contact.noOthers")}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-1">
          {others.map((other) => (
            <li key={other.id}>
              <Link
                to="/inbox/$conversationId"
                params={{ conversationId: other.id }}
                search={search}
                className="focus-ring flex flex-col rounded-md border border-neutral-200 px-2.5 py-1.5 text-sm hover:bg-neutral-50"
              >
                <span className="flex justify-between gap-2 text-xs text-neutral-500">
                  <span>{t(`inbox.status.${other.status}`)}</span>
                  <time dateTime={other.lastMessageAt}>
                    {formatRelativeTime(other.lastMessageAt, now, i18n.language)}
                  </time>
                </span>
                <span className="truncate">{other.lastMessagePreview ?? t("inbox.list.noPreview")}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
