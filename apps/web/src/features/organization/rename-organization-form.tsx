import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, problemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { meQuery } from "../session/me-query";
import { organizationsQuery } from "../session/organizations-query";
import { renameOrganization } from "./organization-api";

export function RenameOrganizationForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The shell shows the name from `me` and the switcher's list, so both must follow.
  const renaming = useMutation({
    mutationFn: renameOrganization,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: organizationsQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ["audit-events"] });
    },
  });
  const problem = problemOf(renaming.error);
  const fieldErrors = fieldErrorsOf(problem);
  const busy = renaming.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    renaming.mutate({ name: String(new FormData(event.currentTarget).get("name")).trim() });
  }

  return (
    <form onSubmit={handleSubmit} aria-label={t("organization.name")} className="mt-4">
      <FormAlert message={problem && !fieldErrors.name ? problem.detail : undefined} />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="sm:flex-1">
          <FormField
            label={t("organization.name")}
            name="name"
            defaultValue={name}
            autoComplete="organization"
            required
            disabled={busy}
            error={fieldErrors.name}
            onChange={() => renaming.reset()}
          />
        </div>
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-60 sm:mt-6"
        >
          {busy ? t("organization.saving") : t("organization.save")}
        </button>
      </div>
      {renaming.isSuccess ? (
        <p role="status" className="mt-2 text-sm text-neutral-600">
          {t("organization.saved")}
        </p>
      ) : null}
    </form>
  );
}
