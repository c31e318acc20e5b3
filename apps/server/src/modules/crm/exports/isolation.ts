import type { IsolationCase } from "../../../test/isolation.ts";
import { createContactOfA } from "../contacts/isolation-fixture.ts";

export const isolationCases: IsolationCase[] = [
  {
    // B's export holds none of A's contacts, even asked for every column.
    route: "GET /api/v1/exports/contacts",
    kind: "scoped",
    prepare: async (context) => {
      await createContactOfA(context, {
        name: "Exported only by A",
        email: `exported-${Date.now()}@example.com`,
      });
      return {};
    },
  },
];
