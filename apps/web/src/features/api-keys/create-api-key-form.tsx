import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formProblemOf } from "../../lib/problem";
import { FormAlert } from "../auth/auth-card";
import { FormField } from "../auth/form-field";
import type { Role } from "../members/members-api";
import { SelectField } from "../members/select-field";
import { useRoleOptions } from "../members/use-role-options";
import { apiKeysQuery, createApiKey } from "./api-keys-api";
import { NewKeySecret } from "./new-key-secret";

export function CreateApiKeyForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const creating = useMutation({
    mutationFn: createApiKey,
    // The audit log records every key change, so it is stale too.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ["audit-events"] });
    },
  });
  const { fieldErrors, formMessage } = formProblemOf(creating.error);
  const busy = creating.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    creating.mutate(
      { name: String(data.get("name")), role: String(data.get("role")) as Role },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <>
      <form onSubmit={handleSubmit} aria-label={t("apiKeys.form.title")} className="mt-4">
        <FormAlert message={formMessage} />
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <div className="sm:flex-1">
            <FormField
              label={t("apiKeys.form.name")}
              name="name"
              autoComplete="off"
              required
              disabled={busy}
              error={fieldErrors.name}
            />
          </div>
          <SelectField
            label={t("apiKeys.form.role")}
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
            {busy ? t("apiKeys.form.busy") : t("apiKeys.form.submit")}
          </button>
        </div>
      </form>
      {creating.data ? <NewKeySecret created={creating.data} onDismiss={() => creating.reset()} /> : null}
    </>
  );
}
