import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "../members/inline-alert";
import { meQuery } from "../session/me-query";
import { setRequireTwoFactor } from "./organization-api";

/** The organisation's two-factor requirement, as `me` reports it, changed by owners and admins. */
export function RequireTwoFactorForm() {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const saving = useMutation({
    mutationFn: setRequireTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
  const required = me?.security.organizationRequiresTwoFactor ?? false;
  const checked = saving.isPending ? saving.variables.requireTwoFactor : required;

  return (
    <div className="mt-6">
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={saving.isPending}
          onChange={(event) => saving.mutate({ requireTwoFactor: event.target.checked })}
          className="focus-ring size-4 accent-accent-600"
        />
        <label htmlFor={id} className="text-sm font-medium text-neutral-800">
          {t("organization.requireTwoFactor.label")}
        </label>
      </div>
      <p role="status" className="mt-1 ms-6 text-xs text-neutral-600 empty:hidden">
        {saving.isSuccess
          ? saving.data.requireTwoFactor
            ? t("organization.requireTwoFactor.savedOn")
            : t("organization.requireTwoFactor.savedOff")
          : ""}
      </p>
      <InlineAlert message={problemOf(saving.error)?.detail} />
    </div>
  );
}
