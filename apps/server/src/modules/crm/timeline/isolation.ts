import { newId } from "../../../platform/ids.ts";
import type { IsolationCase } from "../../../test/isolation.ts";

export const isolationCases: IsolationCase[] = [
  {
    route: "GET /api/v1/contacts/{id}/timeline",
    kind: "foreign-object",
    prepare: async ({ app, a, remember }) => {
      const contact = (
        await app.inject({
          method: "POST",
          url: "/api/v1/contacts",
          headers: a.apiKeyHeaders,
          payload: { name: `Timeline ${newId()}` },
        })
      ).json();
      remember(contact.id);
      remember(contact.name);
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
