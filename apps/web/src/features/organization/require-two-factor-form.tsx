import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "../members/inline-alert";
import { setRequireTwoFactor } from "./organization-api";

/**
 * No read of the organisation's settings exists yet, so the box starts unticked and then
 * shows what the server answered to the last save.
 */
export function RequireTwoFactorForm() {
  const { t } = useTranslation();
  const id = useId();
  const [required, setRequired] = useState(false);
  const saving = useMutation({
    mutationFn: setRequireTwoFactor,
    onSuccess: (organization) => setRequired(organization.requireTwoFactor),
  });
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
