import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";
import { createContactOfA } from "./isolation-fixture.ts";

const contactOfA = async (context: IsolationContext) => {
  const { app, a } = context;
  const { id } = await createContactOfA(context, {
    name: "Ada's customer",
    email: `customer-${Date.now()}@example.com`,
    phone: "+33 6 12 34 56 78",
  });
  return {
    params: { id },
    payload: { name: "Taken over" },
    snapshot: async () =>
      (await app.inject({ url: `/api/v1/contacts/${id}`, headers: a.apiKeyHeaders })).json(),
  };
};

export const isolationCases: IsolationCase[] = [
  {
    route: "POST /api/v1/contacts",
    kind: "scoped",
    prepare: async () => ({ payload: { name: "B's customer" } }),
  },
  {
    // B upserting A's contact's phone gets a contact of its own; A's stays as it was.
    route: "POST /api/v1/contacts/upsert",
    kind: "scoped",
    prepare: async (context) => {
      const prepared = await contactOfA(context);
      return { ...prepared, payload: { name: "B's twin", phone: "+33 6 12 34 56 78" } };
    },
  },
  { route: "GET /api/v1/contacts", kind: "scoped" },
  { route: "GET /api/v1/contacts/count", kind: "scoped" },
  { route: "GET /api/v1/contacts/{id}", kind: "foreign-object", prepare: contactOfA },
  { route: "PATCH /api/v1/contacts/{id}", kind: "foreign-object", prepare: contactOfA },
  { route: "DELETE /api/v1/contacts/{id}", kind: "foreign-object", prepare: contactOfA },
  { route: "GET /api/v1/contacts/{id}/duplicates", kind: "foreign-object", prepare: contactOfA },
  {
    route: "POST /api/v1/contacts/{id}/merge",
    kind: "foreign-object",
    prepare: async (context) => {
      const survivor = await contactOfA(context);
      const duplicate = await contactOfA(context);
      return { ...survivor, payload: { contactIds: [duplicate.params.id] } };
    },
  },
];
