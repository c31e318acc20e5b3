import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../lib/use-document-title";

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));

  return (
    <section aria-labelledby="not-found-title" className="py-16 text-center">
      <p className="text-sm font-semibold text-accent-600">404</p>
      <h1 id="not-found-title" className="mt-2 text-2xl font-semibold tracking-tight">
        {t("notFound.title")}
      </h1>
      <p className="mx-auto mt-3 max-w-md text-neutral-600">{t("notFound.description")}</p>
      <Link
        to="/"
        className="focus-ring mt-6 inline-flex rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
      >
        {t("notFound.backHome")}
      </Link>
    </section>
  );
}
