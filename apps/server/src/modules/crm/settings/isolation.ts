import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";

const fieldOfA = async ({ app, a, remember }: IsolationContext) => {
  const key = `a_secret_${Date.now()}`;
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/contact-fields",
    headers: a.apiKeyHeaders,
    payload: { key, label: "A's private field", type: "select", options: ["gold-tier-a"] },
  });
  const { id } = created.json();
  remember(id);
  remember(key);
  return {
    params: { id },
    payload: { label: "Taken over" },
    snapshot: async () =>
      (await app.inject({ url: "/api/v1/contact-fields", headers: a.apiKeyHeaders })).json(),
  };
};

export const isolationCases: IsolationCase[] = [
  { route: "GET /api/v1/crm/settings", kind: "scoped" },
  {
    route: "PATCH /api/v1/crm/settings",
    kind: "scoped",
    prepare: async () => ({ payload: { defaultCountry: "DE" } }),
  },
  { route: "GET /api/v1/contact-fields", kind: "scoped" },
  {
    route: "POST /api/v1/contact-fields",
    kind: "scoped",
    prepare: async () => ({ payload: { key: "b_field", label: "B's", type: "text" } }),
  },
  { route: "PATCH /api/v1/contact-fields/{id}", kind: "foreign-object", prepare: fieldOfA },
  { route: "DELETE /api/v1/contact-fields/{id}", kind: "foreign-object", prepare: fieldOfA },
];
