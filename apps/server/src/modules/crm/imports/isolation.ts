import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";

/** An import of A's, uploaded with A's key; its id, file name and the email in it must never reach B. */
const importOfA = async ({ app, a, remember }: IsolationContext) => {
  const fileName = `a-private-${Date.now()}.csv`;
  const email = `a-import-${Date.now()}@example.com`;
  const uploaded = await app.inject({
    method: "POST",
    url: `/api/v1/imports?fileName=${fileName}`,
    headers: { ...a.apiKeyHeaders, "content-type": "text/csv" },
    payload: `name,email\nA's customer,${email}\n`,
  });
  const { id } = uploaded.json();
  remember(id);
  remember(fileName);
  remember(email);
  return {
    params: { id },
    payload: { mode: "upsert" },
    snapshot: async () =>
      (await app.inject({ url: `/api/v1/imports/${id}`, headers: a.apiKeyHeaders })).json(),
  };
};

export const isolationCases: IsolationCase[] = [
  // B's upload (no file in this harness: a 400) can only ever concern B's organisation.
  { route: "POST /api/v1/imports", kind: "scoped", prepare: importOfA },
  { route: "GET /api/v1/imports", kind: "scoped", prepare: importOfA },
  { route: "GET /api/v1/imports/{id}", kind: "foreign-object", prepare: importOfA },
  { route: "POST /api/v1/imports/{id}/dry-run", kind: "foreign-object", prepare: importOfA },
  { route: "POST /api/v1/imports/{id}/start", kind: "foreign-object", prepare: importOfA },
  { route: "GET /api/v1/imports/{id}/errors.csv", kind: "foreign-object", prepare: importOfA },
  { route: "DELETE /api/v1/imports/{id}", kind: "foreign-object", prepare: importOfA },
];
