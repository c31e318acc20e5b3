import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { SystemStatus } from "./system-status";

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle();

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("home.title")}</h1>
        <p className="mt-2 max-w-2xl text-neutral-600">{t("home.intro")}</p>
      </header>
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        <SystemStatus />
      </div>
    </div>
  );
}
