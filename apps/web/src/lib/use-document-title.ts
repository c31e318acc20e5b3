import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the tab title to "<page> · <product>" so history and screen readers name the page. */
export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const product = t("app.name");
  useEffect(() => {
    document.title = page ? `${page} · ${product}` : product;
  }, [page, product]);
}
