import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";

export const mainContentId = "main-content";

function focusMainContent(event: MouseEvent<HTMLAnchorElement>): void {
  // Moving focus ourselves keeps the router from treating the hash as a navigation.
  event.preventDefault();
  document.getElementById(mainContentId)?.focus();
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href={`#${mainContentId}`}
      onClick={focusMainContent}
      className="focus-ring fixed top-3 start-3 z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-accent-700 shadow-lg not-focus:sr-only"
    >
      {t("app.skipToContent")}
    </a>
  );
}
