import * as Collapsible from "@radix-ui/react-collapsible";
import { Outlet, useMatches } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SessionPanel } from "../features/session/session-panel";
import { TwoFactorBanner } from "../features/two-factor/two-factor-banner";
import { Icon } from "./icons";
import { SidebarNav } from "./sidebar-nav";
import { mainContentId, SkipLink } from "./skip-link";

/** Sidebar on wide screens; on narrow ones a top bar whose menu button reveals the same nav. */
export function AppShell() {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const wide = useMatches({ select: (matches) => matches.some((match) => match.staticData.wide === true) });

  return (
    <div className="min-h-dvh bg-neutral-50 text-neutral-900 md:flex">
      <SkipLink />
      <Collapsible.Root open={menuOpen} onOpenChange={setMenuOpen} asChild>
        <header className="sticky top-0 z-40 border-b border-neutral-200 bg-white md:h-dvh md:w-64 md:shrink-0 md:overflow-y-auto md:border-b-0 md:border-e">
          <div className="flex h-14 items-center justify-between gap-2 px-4 md:h-16">
            {/* Plain text, not a link: Home in the nav is the one link that marks the current page. */}
            <p className="flex items-center gap-2 text-base font-semibold tracking-tight">
              <span
                aria-hidden="true"
                className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm text-white"
              >
                S
              </span>
              {t("app.name")}
            </p>
            <Collapsible.Trigger
              aria-label={menuOpen ? t("nav.closeMenu") : t("nav.openMenu")}
              className="focus-ring grid size-10 place-items-center rounded-md text-neutral-600 hover:bg-neutral-100 md:hidden"
            >
              <Icon name={menuOpen ? "close" : "menu"} />
            </Collapsible.Trigger>
          </div>
          {/* Always mounted so the wide layout shows it; the closed state only hides it on narrow screens. */}
          <Collapsible.Content forceMount className="max-md:data-[state=closed]:hidden">
            <SidebarNav onNavigate={() => setMenuOpen(false)} />
            <SessionPanel />
          </Collapsible.Content>
        </header>
      </Collapsible.Root>
      <main id={mainContentId} tabIndex={-1} className="min-w-0 flex-1 outline-none">
        <div className={`mx-auto px-4 py-8 sm:px-6 lg:px-10 ${wide ? "max-w-none" : "max-w-5xl"}`}>
          <TwoFactorBanner />
          <Outlet />
        </div>
      </main>
    </div>
  );
}
