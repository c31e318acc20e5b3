/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "./platform/ids.ts";
import { startTestApp, type TestApp } from "./test/harness.ts";
import type { IsolationCase, IsolationContext, IsolationParty } from "./test/isolation.ts";

/** Every module declares how its routes are exercised, beside its code; this test finds them all. */
const declared = Object.values(
  import.meta.glob<{ isolationCases: IsolationCase[] }>("./**/isolation.ts", { eager: true }),
).flatMap((module) => module.isolationCases ?? []);

let harness: TestApp;
let context: IsolationContext;
const remembered = new Set<string>();

async function createParty(name: string): Promise<IsolationParty> {
  const email = `${name}-${newId()}@example.com`;
  const password = "isolation test password";
  const signUp = await harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    payload: { email, password, name, organizationName: `Organisation ${name}` },
  });
  const { user, organization } = signUp.json();
  const cookie = signUp.cookies.find((entry) => entry.name === "sbos_session");
  const key = await harness.app.inject({
    method: "POST",
    url: "/api/v1/api-keys",
    cookies: { sbos_session: cookie?.value ?? "" },
    payload: { name: `${name} admin`, role: "admin" },
  });
  return {
    tenantId: organization.id,
    userId: user.id,
    email,
    password,
    apiKeyHeaders: { authorization: `Bearer ${key.json().key}` },
    cookies: { sbos_session: cookie?.value ?? "" },
  };
}

/** B signs in again before each request, so a route that ends a session cannot starve the next. */
async function freshCookies(party: IsolationParty) {
  const signIn = await harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in/email",
    payload: { email: party.email, password: party.password },
  });
  const cookie = signIn.cookies.find((entry) => entry.name === "sbos_session");
  return { sbos_session: cookie?.value ?? "" };
}

beforeAll(async () => {
  harness = await startTestApp();
  const a = await createParty("a");
  const b = await createParty("b");
  for (const value of [a.tenantId, a.userId, a.email]) remembered.add(value);
  context = { app: harness.app, modules: harness.modules, a, b, remember: (value) => remembered.add(value) };
});
afterAll(() => harness.close());

function apiRoutes(): string[] {
  const document = harness.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith("/api/v1/"))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
}

describe("every /api/v1 route keeps organisations apart", () => {
  it("has an isolation case for every route in the OpenAPI document, and none for routes that do not exist", () => {
    const routes = apiRoutes();
    const covered = new Set(declared.map((entry) => entry.route));
    expect(
      routes.filter((route) => !covered.has(route)),
      "routes without an isolation case",
    ).toEqual([]);
    expect(
      [...covered].filter((route) => !routes.includes(route)),
      "cases for unknown routes",
    ).toEqual([]);
  });

  it("never lets organisation B read, list, change or delete A's objects", async () => {
    const failures: string[] = [];
    for (const entry of declared) {
      if (entry.kind === "public") continue;
      const [method = "GET", path = ""] = entry.route.split(" ");
      for (const credentials of ["api key", "session"] as const) {
        const prepared = (await entry.prepare?.(context)) ?? {};
        const before = await prepared.snapshot?.();
        const url = path.replaceAll(
          /\{(\w+)\}/g,
          (_match: string, name: string) => prepared.params?.[name] ?? newId(),
        );
        const auth =
          credentials === "api key"
            ? { headers: context.b.apiKeyHeaders }
            : { cookies: await freshCookies(context.b) };
        const response = await harness.app.inject({
          method: method as "GET",
          url,
          ...auth,
          ...(prepared.payload === undefined ? {} : { payload: prepared.payload as object }),
        });
        const label = `${entry.route} as B (${credentials})`;
        const refusedKey = credentials === "api key" && entry.sessionOnly;
        if (refusedKey && response.statusCode !== 403) {
          failures.push(`${label}: a route for people only answered an API key ${response.statusCode}`);
        }
        if (entry.kind === "foreign-object" && !refusedKey && response.statusCode !== 404) {
          failures.push(`${label}: expected 404 for A's object, got ${response.statusCode}`);
        }
        if (response.statusCode >= 500) failures.push(`${label}: server error ${response.statusCode}`);
        const leaked = [...remembered].filter((value) => response.body.includes(value));
        if (leaked.length > 0) failures.push(`${label}: answered with A's ${leaked.join(", ")}`);
        const after = await prepared.snapshot?.();
        if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${label}: changed A's object`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000); // every route twice (API key and session): grows with the API
});
