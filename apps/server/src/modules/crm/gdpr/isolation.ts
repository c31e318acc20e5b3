import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";
import { createContactOfA } from "../contacts/isolation-fixture.ts";

const contactOfA = async (context: IsolationContext) => {
  const { app, a } = context;
  const { id } = await createContactOfA(context, {
    name: "A's data subject",
    email: `subject-${Date.now()}@example.com`,
  });
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
