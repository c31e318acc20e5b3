import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { deleteOrganization } from "./organization-api";

/** The danger zone: the button only arms once the slug is typed exactly, as the server also demands. */
export function DeleteOrganization({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typed, setTyped] = useState("");
  const deleting = useMutation({
    mutationFn: deleteOrganization,
    onSuccess: async () => {
      // Nobody gets into the organisation any more; leave before the shell's queries answer 403.
      await navigate({ to: "/sign-in" });
      queryClient.clear();
    },
  });
  const busy = deleting.isPending || deleting.isSuccess;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed === slug) deleting.mutate({ confirm: typed });
  }

  return (
    <form
      onSubmit={handleSubmit}
      aria-labelledby="delete-organization-title"
      className="mt-6 rounded-md border border-red-300 bg-red-50 p-4"
    >
      <h3 id="delete-organization-title" className="text-base font-semibold text-red-900">
        {t("organization.danger.title")}
      </h3>
      <p className="mt-1 mb-4 text-sm text-red-900">{t("organization.danger.warning")}</p>
      <FormAlert message={problemOf(deleting.error)?.detail} />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="sm:flex-1">
          <FormField
            label={t("organization.danger.confirm", { slug })}
            name="confirm"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            disabled={busy}
          />
        </div>
        <button
          type="submit"
          disabled={busy || typed !== slug}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60 sm:mt-6"
        >
          {busy ? t("organization.danger.busy") : t("organization.danger.submit")}
        </button>
      </div>
    </form>
  );
}
