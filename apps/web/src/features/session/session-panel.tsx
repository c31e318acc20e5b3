import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";
import { meQuery } from "./me-query";
import { organizationsQuery } from "./organizations-query";

async function switchOrganization(organizationId: string): Promise<void> {
  const { data, error, response } = await api.POST("/api/v1/auth/active-organization", {
    body: { organizationId },
  });
  if (!data) throw new ProblemError(toProblem(error, response));
}

async function signOut(): Promise<void> {
  const { error, response } = await api.POST("/api/v1/auth/sign-out");
  if (!response.ok) throw new ProblemError(toProblem(error, response));
}

/** Who is signed in, into which organisation, with the switcher and sign-out beside them. */
export function SessionPanel() {
  const { t } = useTranslation();
  const switcherId = useId();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(meQuery);
  const organizations = useQuery(organizationsQuery);

  const switching = useMutation({
    mutationFn: switchOrganization,
    // Every cached answer belongs to the previous organisation.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const signingOut = useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      // Leave the shell first so none of its queries refetch (and answer 401) after the cache is cleared.
      await navigate({ to: "/sign-in" });
      queryClient.clear();
    },
  });

  const organization = me.data?.organization;
  const person = me.data?.caller.name ?? me.data?.caller.email;
  const options = organizations.data ?? (organization ? [organization] : []);

  return (
    <section aria-label={t("shell.session")} className="border-t border-neutral-200 px-4 py-4">
      <p className="truncate text-sm font-semibold text-neutral-900" data-testid="shell-organization">
        {organization?.name}
      </p>
      <p className="truncate text-xs text-neutral-600" data-testid="shell-person">
        {person}
      </p>
      {options.length > 0 ? (
        <div className="mt-3 flex flex-col gap-1">
          <label htmlFor={switcherId} className="text-xs font-medium text-neutral-700">
            {t("shell.organization")}
          </label>
          <select
            id={switcherId}
            value={organization?.id ?? ""}
            disabled={switching.isPending}
            onChange={(event) => switching.mutate(event.target.value)}
            className="focus-ring rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm"
          >
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {switching.error || signingOut.error ? (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {(switching.error ?? signingOut.error)?.message}
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => signingOut.mutate()}
        disabled={signingOut.isPending}
        className="focus-ring mt-3 w-full rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
      >
        {signingOut.isPending ? t("shell.signingOut") : t("shell.signOut")}
      </button>
    </section>
  );
}
