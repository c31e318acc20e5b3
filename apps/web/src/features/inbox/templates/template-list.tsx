import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../../components/load-more-button";
import type { Template } from "./templates-api";

/**
 * The approved templates as radio buttons: arrows move between them and select, as in any radio
 * group, and the selected one's form shows beside the list.
 */
export function TemplateList({
  templates,
  selectedId,
  hasMore,
  loadingMore,
  onLoadMore,
  onSelect,
}: {
  templates: readonly Template[];
  selectedId: string | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="sr-only">{t("inbox.templates.list")}</legend>
      {templates.map((template) => (
        <label
          key={template.id}
          className="flex cursor-pointer items-start gap-2 rounded-md border border-transparent px-2 py-1.5 text-sm hover:bg-neutral-50 has-checked:border-accent-300 has-checked:bg-accent-50 has-focus-visible:outline-2 has-focus-visible:outline-accent-600"
        >
          <input
            type="radio"
            name="template"
            value={template.id}
            checked={template.id === selectedId}
            onChange={() => onSelect(template.id)}
            className="mt-1 accent-accent-600"
          />
          <span className="min-w-0">
            <span className="block truncate font-medium text-neutral-900">{template.name}</span>
            <span className="block text-xs text-neutral-600">
              {template.language} · {template.category.toLowerCase()}
            </span>
          </span>
        </label>
      ))}
      <LoadMoreButton hasMore={hasMore} loading={loadingMore} onLoad={onLoadMore} />
    </fieldset>
  );
}
