import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../components/load-more-button";
import { problemOf } from "../../lib/problem";
import { InlineAlert } from "../members/inline-alert";
import { ApiKeyRow } from "./api-key-row";
import { apiKeysQuery } from "./api-keys-api";
import { CreateApiKeyForm } from "./create-api-key-form";

const headerClass = "py-2 pe-4 text-start font-medium";

/** Only rendered for people who may read API keys. */
export function ApiKeysSection({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const keys = useInfiniteQuery(apiKeysQuery);
  const rows = keys.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <section aria-labelledby="api-keys-title" className="rounded-xl border border-neutral-200 bg-white p-6">
      <h2 id="api-keys-title" className="text-lg font-semibold tracking-tight">
        {t("apiKeys.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("apiKeys.intro")}</p>
      {canManage ? <CreateApiKeyForm /> : null}
      {keys.isPending ? (
        <p className="mt-6 text-sm text-neutral-600">{t("apiKeys.loading")}</p>
      ) : keys.isError && rows.length === 0 ? (
        <InlineAlert message={problemOf(keys.error)?.detail} />
      ) : rows.length === 0 ? (
        <p className="mt-6 text-sm text-neutral-600">{t("apiKeys.empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-sm" aria-labelledby="api-keys-title">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-neutral-500">
                <th scope="col" className={headerClass}>
                  {t("apiKeys.columns.name")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("apiKeys.columns.role")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("apiKeys.columns.prefix")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("apiKeys.columns.created")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("apiKeys.columns.lastUsed")}
                </th>
                <th scope="col" className={headerClass}>
                  {t("apiKeys.columns.status")}
                </th>
                {canManage ? (
                  <th scope="col" className="py-2 text-end font-medium">
                    <span className="sr-only">{t("apiKeys.columns.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((apiKey) => (
                <ApiKeyRow key={apiKey.id} apiKey={apiKey} canManage={canManage} />
              ))}
            </tbody>
          </table>
          <InlineAlert message={problemOf(keys.error)?.detail} />
          <LoadMoreButton
            hasMore={keys.hasNextPage}
            loading={keys.isFetchingNextPage}
            onLoad={() => keys.fetchNextPage()}
          />
        </div>
      )}
    </section>
  );
}
