import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { InboxNavBadge } from "../features/inbox/inbox-nav-badge";
import { areas } from "../lib/areas";
import { Icon, type IconName } from "./icons";

const items = [
  { to: "/", icon: "home" },
  ...areas.map((area) => ({ to: `/${area}` as const, icon: area })),
] as const satisfies ReadonlyArray<{ to: string; icon: IconName }>;

/** The product's main navigation; `onNavigate` lets the narrow-screen menu close itself. */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.label")} className="px-3 pb-4 md:pt-2">
      <ul className="flex flex-col gap-0.5">
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              activeOptions={{ exact: item.to === "/", includeSearch: false }}
              onClick={onNavigate}
              className="focus-ring flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-700"
            >
              <Icon name={item.icon} />
              {t(`nav.${item.icon}`)}
              {item.icon === "inbox" ? <InboxNavBadge /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
