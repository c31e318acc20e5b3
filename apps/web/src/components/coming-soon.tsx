import { useTranslation } from "react-i18next";
import type { Area } from "../lib/areas";
import { useDocumentTitle } from "../lib/use-document-title";
import { Icon } from "./icons";

/** Placeholder for an area that is not built yet: says what it will do, shows no fake data. */
export function ComingSoon({ area }: { area: Area }) {
  const { t } = useTranslation();
  const title = t(`nav.${area}`);
  useDocumentTitle(title);

  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title" className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      <div className="mt-6 flex flex-col items-center rounded-xl border border-dashed border-neutral-300 bg-white px-6 py-16 text-center">
        <span className="grid size-12 place-items-center rounded-full bg-accent-50 text-accent-600">
          <Icon name={area} className="size-6" />
        </span>
        <p className="mt-4 rounded-full bg-neutral-100 px-3 py-1 text-xs font-medium uppercase tracking-wide text-neutral-600">
          {t("areas.comingSoon")}
        </p>
        <p className="mt-3 max-w-md text-neutral-600">{t(`areas.${area}.description`)}</p>
      </div>
    </section>
  );
}
