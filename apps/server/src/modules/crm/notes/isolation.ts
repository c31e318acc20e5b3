import { newId } from "../../../platform/ids.ts";
import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";

/** A contact of A's with a note mentioning A's member. */
const noteOfA = async ({ app, a, remember }: IsolationContext) => {
  const contact = (
    await app.inject({
      method: "POST",
      url: "/api/v1/contacts",
      headers: a.apiKeyHeaders,
      payload: { name: `Noted ${newId()}` },
    })
  ).json();
  const body = `A's private note ${newId()}`;
  const note = (
    await app.inject({
      method: "POST",
      url: `/api/v1/contacts/${contact.id}/notes`,
      headers: a.apiKeyHeaders,
      payload: { body, mentions: [a.userId] },
    })
  ).json();
  for (const value of [contact.id, contact.name, note.id, body]) remember(value);
  return {
    params: { id: contact.id, noteId: note.id },
    payload: { body: "Taken over" },
    snapshot: async () =>
      (await app.inject({ url: `/api/v1/contacts/${contact.id}/notes`, headers: a.apiKeyHeaders })).json(),
  };
};

export const isolationCases: IsolationCase[] = [
  { route: "GET /api/v1/contacts/{id}/notes", kind: "foreign-object", prepare: noteOfA },
  { route: "POST /api/v1/contacts/{id}/notes", kind: "foreign-object", prepare: noteOfA },
  { route: "PATCH /api/v1/contacts/{id}/notes/{noteId}", kind: "foreign-object", prepare: noteOfA },
  { route: "DELETE /api/v1/contacts/{id}/notes/{noteId}", kind: "foreign-object", prepare: noteOfA },
];
