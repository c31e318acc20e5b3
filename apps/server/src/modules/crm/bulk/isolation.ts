import type { IsolationCase } from "../../../test/isolation.ts";
import { createContactOfA } from "../contacts/isolation-fixture.ts";

export const isolationCases: IsolationCase[] = [
  {
    // B deleting A's contacts by id (B's key is an admin's, its session an owner's) deletes nothing of A's.
    route: "POST /api/v1/contacts/bulk",
    kind: "scoped",
    prepare: async (context) => {
      const { app, a } = context;
      const { id } = await createContactOfA(context, {
        name: "A's bulk target",
        email: `bulk-${Date.now()}@example.com`,
      });
      return {
        payload: { action: { type: "delete" }, contactIds: [id] },
        snapshot: async () =>
          (await app.inject({ url: `/api/v1/contacts/${id}`, headers: a.apiKeyHeaders })).json(),
      };
    },
  },
  {
    route: "GET /api/v1/contacts/bulk/{id}",
    kind: "foreign-object",
    prepare: async ({ app, a, remember }) => {
      const queued = await app.inject({
        method: "POST",
        url: "/api/v1/contacts/bulk",
        headers: a.apiKeyHeaders,
        payload: {
          action: { type: "stage", lifecycleStage: "customer" },
          selection: { q: "a-only-selection" },
        },
      });
      const { id } = queued.json();
      remember(id);
      return {
        params: { id },
        snapshot: async () =>
          (await app.inject({ url: `/api/v1/contacts/bulk/${id}`, headers: a.apiKeyHeaders })).json(),
      };
    },
  },
];
