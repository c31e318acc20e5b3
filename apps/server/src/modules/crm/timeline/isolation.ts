import { newId } from "../../../platform/ids.ts";
import type { IsolationCase } from "../../../test/isolation.ts";
import { createContactOfA } from "../contacts/isolation-fixture.ts";

export const isolationCases: IsolationCase[] = [
  {
    route: "GET /api/v1/contacts/{id}/timeline",
    kind: "foreign-object",
    prepare: async (context) => {
      const { app, a } = context;
      const contact = await createContactOfA(context, { name: `Timeline ${newId()}` });
      return {
        params: { id: contact.id },
        snapshot: async () =>
          (
            await app.inject({ url: `/api/v1/contacts/${contact.id}/timeline`, headers: a.apiKeyHeaders })
          ).json(),
      };
    },
  },
];
