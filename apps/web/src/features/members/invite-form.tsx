import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formProblemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import { invitationsQuery, inviteMember, type Role } from "./members-api";
import { SelectField } from "./select-field";
import { useRoleOptions } from "./use-role-options";

export function InviteForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const inviting = useMutation({
    mutationFn: inviteMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQuery.queryKey }),
  });
  const { fieldErrors, formMessage } = formProblemOf(inviting.error);
  const busy = inviting.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    inviting.mutate(
      { email: String(data.get("email")), role: String(data.get("role")) as Role },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form onSubmit={handleSubmit} aria-label={t("invitations.form.title")} className="mt-4">
      <FormAlert message={formMessage} />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="sm:flex-1">
          <FormField
            label={t("invitations.form.email")}
            name="email"
            type="email"
            autoComplete="off"
            required
            disabled={busy}
            error={fieldErrors.email}
          />
        </div>
        <SelectField
          label={t("invitations.form.role")}
          name="role"
          defaultValue="member"
          disabled={busy}
          options={roleOptions}
        />
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className="focus-ring rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-60 sm:mt-6"
        >
          {busy ? t("invitations.form.busy") : t("invitations.form.submit")}
        </button>
      </div>
    </form>
  );
}
