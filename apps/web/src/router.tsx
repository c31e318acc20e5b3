import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { AppShell } from "./components/app-shell";
import { ComingSoon } from "./components/coming-soon";
import { NotFoundPage } from "./components/not-found-page";
import { HomePage } from "./features/home/home-page";
import { areas } from "./lib/areas";

const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: HomePage });

// Each area swaps its ComingSoon for the feature's own page once that feature lands.
const areaRoutes = areas.map((area) =>
  createRoute({
    getParentRoute: () => rootRoute,
    path: `/${area}`,
    component: () => <ComingSoon area={area} />,
  }),
);

const routeTree = rootRoute.addChildren([homeRoute, ...areaRoutes]);

export const router = createRouter({ routeTree, defaultPreload: "intent" });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
