import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useTwoFactorRestricted } from "./use-two-factor-restricted";

/** Shown while the organisation refuses this person's calls until they set up two-factor. */
export function TwoFactorBanner() {
  const { t } = useTranslation();
  const restricted = useTwoFactorRestricted();
  if (!restricted) return null;

  return (
    <div
      role="alert"
      className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      {t("twoFactor.banner.message")}{" "}
      <Link to="/settings" className="focus-ring font-medium underline">
        {t("twoFactor.banner.link")}
      </Link>
    </div>
  );
}
