import { useTranslation } from "react-i18next";

/** Fetches the next page of a cursor-paginated list; hidden once there is none. */
export function LoadMoreButton({
  hasMore,
  loading,
  onLoad,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <button
      type="button"
      onClick={onLoad}
      disabled={loading}
      aria-busy={loading || undefined}
      className="focus-ring mt-4 rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
    >
      {loading ? t("common.loadingMore") : t("common.loadMore")}
    </button>
  );
}
