import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../lib/api";
import { ProblemError, problemOf, toProblem } from "../../../lib/problem";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { InlineAlert } from "../../members/inline-alert";
import { membersQuery } from "../../members/members-api";
import { meQuery } from "../../session/me-query";
import { StageBadge } from "../contact-columns";
import { initialsOf } from "../contact-format";
import { type Contact, contactQuery, contactsKey } from "../contacts-api";
import { lastListSearch } from "../contacts-search";
import { ContactConsent } from "./contact-consent";
import { ContactDuplicates } from "./contact-duplicates";
import { ContactFields, CustomFieldValues } from "./contact-fields";
import { ContactNotes } from "./contact-notes";
import { ContactPrivacy } from "./contact-privacy";
import { ContactTags } from "./contact-tags";
import { ContactTimeline } from "./contact-timeline";
import { InlineEdit, textEditor } from "./inline-edit";

const route = getRouteApi("/app/contacts/$contactId");

async function deleteContact(id: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/v1/contacts/{id}", { params: { path: { id } } });
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

function Card({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const id = `card-${title.replaceAll(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-neutral-200 bg-white p-5">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold tracking-tight">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** One contact: who they are, editable in place, with tags, consent, notes and the timeline. */
export function ContactPage() {
  const { t } = useTranslation();
  const { contactId } = route.useParams();
  const contact = useQuery(contactQuery(contactId));
  useDocumentTitle(contact.data?.name ?? t("nav.contacts"));

  if (contact.isPending) {
    return (
      <div aria-busy="true" className="flex flex-col gap-4">
        <BackLink />
        <div className="h-16 animate-pulse rounded-xl bg-neutral-200" />
        <div className="h-64 animate-pulse rounded-xl bg-neutral-200" />
      </div>
    );
  }
  if (contact.isError) {
    const problem = problemOf(contact.error);
    return (
      <div className="flex flex-col gap-4">
        <BackLink />
        <div role="alert" className="rounded-xl border border-neutral-200 bg-white px-6 py-12 text-center">
          <h1 className="text-lg font-semibold">
            {problem?.status === 404 ? t("contacts.detail.notFound") : t("contacts.detail.failed")}
          </h1>
          <p className="mt-1 text-sm text-neutral-600">{problem?.detail}</p>
        </div>
      </div>
    );
  }
  return <ContactView contact={contact.data} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link
      to="/contacts"
      search={lastListSearch.current}
      className="focus-ring self-start rounded text-sm font-medium text-accent-700 hover:underline"
    >
      <span aria-hidden="true" className="inline-block rtl:rotate-180">
        ←
      </span>{" "}
      {t("contacts.detail.back")}
    </Link>
  );
}

function ContactView({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const members = useQuery(membersQuery);
  const owner = members.data?.find((member) => member.userId === contact.ownerId)?.name;
  const canDelete = me.data !== undefined && (me.data.can["contacts.delete"] ?? me.data.role !== "member");
  const canErase = me.data !== undefined && (me.data.can["contacts.erase"] ?? me.data.role !== "member");

  return (
    <div className="flex flex-col gap-6">
      <BackLink />
      <header className="flex flex-wrap items-center gap-4">
        <span
          aria-hidden="true"
          className="grid size-14 shrink-0 place-items-center rounded-full bg-accent-100 text-lg font-semibold text-accent-700"
        >
          {initialsOf(contact.name)}
        </span>
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-2xl font-semibold tracking-tight">{contact.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-600">
            <StageBadge label={t(`contacts.stages.${contact.lifecycleStage}`)} />
            {contact.company ? <span>{contact.company.name}</span> : null}
            <span>
              {owner ? t("contacts.detail.ownedBy", { name: owner }) : t("contacts.detail.unowned")}
            </span>
          </p>
        </div>
        {canDelete ? <DeleteContactButton contact={contact} /> : null}
      </header>

      <ContactDuplicates contact={contact} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <Card title={t("contacts.detail.about")}>
            <dl className="mb-3">
              <InlineEdit
                contact={contact}
                label={t("contacts.fields.name")}
                display={contact.name}
                initial={contact.name}
                toChanges={(value) => ({ name: value.trim() })}
                errorKey="name"
                editor={textEditor()}
              />
            </dl>
            <ContactFields contact={contact} />
          </Card>
          <Card title={t("contacts.detail.customFields")}>
            <CustomFieldValues contact={contact} />
          </Card>
          <Card title={t("contacts.tags.title")}>
            <ContactTags contact={contact} />
          </Card>
          <Card title={t("contacts.consent.title")}>
            <ContactConsent contactId={contact.id} />
          </Card>
          {canErase ? (
            <Card title={t("contacts.gdpr.title")}>
              <ContactPrivacy contact={contact} />
            </Card>
          ) : null}
        </div>
        <div className="flex flex-col gap-6">
          <Card title={t("contacts.notes.title")}>
            <ContactNotes contactId={contact.id} />
          </Card>
          <Card title={t("contacts.timeline.title")}>
            <ContactTimeline contactId={contact.id} />
          </Card>
        </div>
      </div>
    </div>
  );
}

function DeleteContactButton({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const removing = useMutation({
    mutationFn: deleteContact,
    onSuccess: async () => {
      // Leave first: the page's own queries would otherwise ask again for a contact that is gone.
      await navigate({ to: "/contacts" });
      queryClient.removeQueries({ queryKey: contactQuery(contact.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: contactsKey });
    },
  });
  return (
    <div className="flex flex-col items-end">
      <button
        type="button"
        disabled={removing.isPending}
        onClick={() => {
          if (window.confirm(t("contacts.detail.confirmDelete", { name: contact.name })))
            removing.mutate(contact.id);
        }}
        className="focus-ring rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {removing.isPending ? t("contacts.detail.deleting") : t("contacts.detail.delete")}
      </button>
      <InlineAlert message={problemOf(removing.error)?.detail} />
    </div>
  );
}
