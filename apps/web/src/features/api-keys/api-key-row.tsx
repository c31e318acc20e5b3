import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { formatDate } from "../members/format-date";
import { InlineAlert } from "../members/inline-alert";
import { type ApiKey, apiKeysQuery, revokeApiKey } from "./api-keys-api";

export function ApiKeyRow({ apiKey, canManage }: { apiKey: ApiKey; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const revoking = useMutation({
    mutationFn: revokeApiKey,
    // The audit log records every key change, so it is stale too.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ["audit-events"] });
    },
  });

  function handleRevoke() {
    if (!window.confirm(t("apiKeys.confirmRevoke", { name: apiKey.name }))) return;
    revoking.mutate(apiKey.id);
  }

  return (
    <tr className="border-t border-neutral-200 align-top">
      <td className="py-2 pe-4 font-medium text-neutral-900">{apiKey.name}</td>
      <td className="py-2 pe-4 text-neutral-700">{t(`members.roles.${apiKey.role}`)}</td>
      <td className="py-2 pe-4 font-mono text-neutral-700">{apiKey.prefix}</td>
      <td className="py-2 pe-4 text-neutral-700">{formatDate(apiKey.createdAt, i18n.language)}</td>
      <td className="py-2 pe-4 text-neutral-700">
        {apiKey.lastUsedAt ? formatDate(apiKey.lastUsedAt, i18n.language) : t("apiKeys.never")}
      </td>
      <td className="py-2 pe-4">
        <span data-testid="api-key-status">
          {apiKey.revokedAt ? t("apiKeys.revoked") : t("apiKeys.active")}
        </span>
      </td>
      {canManage ? (
        <td className="py-2 text-end">
          {apiKey.revokedAt ? null : (
            <button
              type="button"
              onClick={handleRevoke}
              disabled={revoking.isPending}
              aria-label={t("apiKeys.revokeNamed", { name: apiKey.name })}
              className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
            >
              {revoking.isPending ? t("apiKeys.revoking") : t("apiKeys.revoke")}
            </button>
          )}
          <InlineAlert message={problemOf(revoking.error)?.detail} />
        </td>
      ) : null}
    </tr>
  );
}
