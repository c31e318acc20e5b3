import { createRootRoute, createRoute, createRouter, Outlet, redirect } from "@tanstack/react-router";
import type { FunctionComponent } from "react";
import { AppShell } from "./components/app-shell";
import { ComingSoon } from "./components/coming-soon";
import { NotFoundPage } from "./components/not-found-page";
import { ForgotPasswordPage } from "./features/auth/forgot-password-page";
import { ResetPasswordPage, validateResetPasswordSearch } from "./features/auth/reset-password-page";
import { validateAuthSearch } from "./features/auth/safe-redirect";
import { SignInPage } from "./features/auth/sign-in-page";
import { SignUpPage } from "./features/auth/sign-up-page";
import { ContactsPage } from "./features/contacts/contacts-page";
import { validateContactsSearch } from "./features/contacts/contacts-search";
import { ContactPage } from "./features/contacts/detail/contact-page";
import { ImportPage, validateImportSearch } from "./features/contacts/import/import-page";
import { HomePage } from "./features/home/home-page";
import { InboxPage } from "./features/inbox/inbox-page";
import { validateInboxSearch } from "./features/inbox/inbox-search";
import {
  AcceptInvitationPage,
  validateAcceptInvitationSearch,
} from "./features/members/accept-invitation-page";
import { SettingsPage } from "./features/members/settings-page";
import { isUnauthorized, meQuery } from "./features/session/me-query";
import { type Area, areas } from "./lib/areas";
import { queryClient } from "./lib/query-client";

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: validateAuthSearch,
  component: SignInPage,
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-up",
  validateSearch: validateAuthSearch,
  component: SignUpPage,
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/accept-invitation",
  validateSearch: validateAcceptInvitationSearch,
  component: AcceptInvitationPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: validateResetPasswordSearch,
  component: ResetPasswordPage,
});

// Pathless layout: every page under it needs a signed-in person.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  component: AppShell,
  notFoundComponent: NotFoundPage,
  beforeLoad: async ({ location }) => {
    try {
      await queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isUnauthorized(error)) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
      throw error;
    }
  },
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: HomePage });

// Each area swaps its ComingSoon for the feature's own page once that feature lands.
const areaPages: Partial<Record<Area, FunctionComponent>> = { settings: SettingsPage };

// Areas with search params or child pages get their own routes below.
const isPlainArea = (area: Area): area is Exclude<Area, "contacts" | "inbox"> =>
  area !== "contacts" && area !== "inbox";

const areaRoutes = areas.filter(isPlainArea).map((area) =>
  createRoute({
    getParentRoute: () => appRoute,
    path: `/${area}`,
    component: areaPages[area] ?? (() => <ComingSoon area={area} />),
  }),
);

// One page for the list and the open conversation, so moving between conversations keeps the list.
const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/inbox",
  validateSearch: validateInboxSearch,
  staticData: { wide: true },
  component: InboxPage,
});

const inboxListRoute = createRoute({ getParentRoute: () => inboxRoute, path: "/" });

const conversationRoute = createRoute({ getParentRoute: () => inboxRoute, path: "$conversationId" });

const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/contacts",
  validateSearch: validateContactsSearch,
  staticData: { wide: true },
  component: ContactsPage,
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/contacts/import",
  validateSearch: validateImportSearch,
  component: ImportPage,
});

const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/contacts/$contactId",
  component: ContactPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  acceptInvitationRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  appRoute.addChildren([
    homeRoute,
    ...areaRoutes,
    inboxRoute.addChildren([inboxListRoute, conversationRoute]),
    contactsRoute,
    importRoute,
    contactRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: "intent" });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
  interface StaticDataRouteOption {
    /** The page uses the whole width beside the sidebar (wide tables) instead of the reading column. */
    wide?: boolean;
  }
}
