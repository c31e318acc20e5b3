import type { IsolationCase } from "../../../test/isolation.ts";

export const isolationCases: IsolationCase[] = [
  {
    // B's export holds none of A's contacts, even asked for every column.
    route: "GET /api/v1/exports/contacts",
    kind: "scoped",
    prepare: async ({ app, a, remember }) => {
      const created = await app.inject({
        method: "POST",
        url: "/api/v1/contacts",
        headers: a.apiKeyHeaders,
        payload: { name: "Exported only by A", email: `exported-${Date.now()}@example.com` },
      });
      const { id, email } = created.json();
      remember(id);
      remember(email);
      return {};
    },
  },
];
