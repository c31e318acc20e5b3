import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";

const contactOfA = async ({ app, a, remember }: IsolationContext) => {
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/contacts",
    headers: a.apiKeyHeaders,
    payload: { name: "A's data subject", email: `subject-${Date.now()}@example.com` },
  });
  const { id, email } = created.json();
  remember(id);
  remember(email);
  return {
    params: { id },
    snapshot: async () =>
      (await app.inject({ url: `/api/v1/contacts/${id}`, headers: a.apiKeyHeaders })).json(),
  };
};

export const isolationCases: IsolationCase[] = [
  { route: "GET /api/v1/contacts/{id}/export", kind: "foreign-object", prepare: contactOfA },
  { route: "POST /api/v1/contacts/{id}/erase", kind: "foreign-object", prepare: contactOfA },
];
