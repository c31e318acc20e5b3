import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { AuthCard, FormAlert, SubmitButton } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { useAuthSubmit } from "../auth/use-auth-submit";
import { acceptInvitation, type InvitationPreview, invitationPreviewQuery } from "./invitation-api";

const routeApi = getRouteApi("/accept-invitation");

export type AcceptInvitationSearch = { token?: string };

export function validateAcceptInvitationSearch(search: Record<string, unknown>): AcceptInvitationSearch {
  return typeof search.token === "string" && search.token !== "" ? { token: search.token } : {};
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token } = routeApi.useSearch();
  const preview = useQuery({ ...invitationPreviewQuery(token ?? ""), enabled: Boolean(token) });
  const title = t("invitations.accept.title");

  if (!token || preview.isError) {
    return (
      <AuthCard title={title}>
        <FormAlert message={problemOf(preview.error)?.detail ?? t("invitations.accept.missingToken")} />
        <SignInLink />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title}>
      {preview.data ? (
        <AcceptForm token={token} preview={preview.data} />
      ) : (
        <p className="text-sm text-neutral-600">{t("invitations.accept.loading")}</p>
      )}
    </AuthCard>
  );
}

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const { submit, busy, problem, fieldErrors } = useAuthSubmit(acceptInvitation, "/");
  const needsName = !preview.accountExists;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    submit(needsName ? { token, password, name: String(form.get("name")) } : { token, password });
  }

  return (
    <>
      <p className="mb-1 text-neutral-900">
        {t("invitations.accept.join", {
          organization: preview.organization.name,
          role: t(`members.roles.${preview.role}`),
        })}
      </p>
      <p className="mb-4 text-sm text-neutral-600">
        {t(needsName ? "invitations.accept.newAccount" : "invitations.accept.existingAccount", {
          email: preview.email,
        })}
      </p>
      <FormAlert message={problem?.detail} />
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
        {needsName ? (
          <FormField
            label={t("auth.fields.name")}
            name="name"
            autoComplete="name"
            required
            disabled={busy}
            error={fieldErrors.name}
          />
        ) : null}
        <FormField
          label={t("auth.fields.password")}
          name="password"
          type="password"
          autoComplete={needsName ? "new-password" : "current-password"}
          required
          disabled={busy}
          hint={needsName ? t("invitations.accept.passwordHint") : undefined}
          error={fieldErrors.password}
        />
        <SubmitButton
          busy={busy}
          label={t("invitations.accept.submit")}
          busyLabel={t("invitations.accept.busy")}
        />
      </form>
    </>
  );
}

function SignInLink() {
  const { t } = useTranslation();
  return (
    <p className="mt-2 text-center text-sm text-neutral-600">
      <Link to="/sign-in" className="focus-ring font-medium text-accent-700 underline">
        {t("invitations.accept.toSignIn")}
      </Link>
    </p>
  );
}
