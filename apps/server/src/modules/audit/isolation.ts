import type { IsolationCase } from "../../test/isolation.ts";

export const isolationCases: IsolationCase[] = [
  { route: "GET /api/v1/audit-events", kind: "scoped" },
  { route: "GET /api/v1/audit-events/export", kind: "scoped" },
];
