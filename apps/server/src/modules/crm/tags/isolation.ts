import { newId } from "../../../platform/ids.ts";
import type { IsolationCase, IsolationContext, IsolationParty } from "../../../test/isolation.ts";

const createTag = async ({ app }: IsolationContext, party: IsolationParty) =>
  (
    await app.inject({
      method: "POST",
      url: "/api/v1/tags",
      headers: party.apiKeyHeaders,
      payload: { name: `tag ${newId()}` },
    })
  ).json() as { id: string; name: string };

const createContact = async ({ app }: IsolationContext, party: IsolationParty) =>
  (
    await app.inject({
      method: "POST",
      url: "/api/v1/contacts",
      headers: party.apiKeyHeaders,
      payload: { name: `Tagged ${newId()}` },
    })
  ).json() as { id: string; name: string };

/** A tag of A's on one of A's contacts. */
const taggedContactOfA = async (context: IsolationContext) => {
  const { app, a, remember } = context;
  const tag = await createTag(context, a);
  const contact = await createContact(context, a);
  await app.inject({
    method: "PUT",
    url: `/api/v1/contacts/${contact.id}/tags/${tag.id}`,
    headers: a.apiKeyHeaders,
  });
  for (const value of [tag.id, tag.name, contact.id, contact.name]) remember(value);
  const snapshot = async () => [
    (await app.inject({ url: `/api/v1/tags/${tag.id}`, headers: a.apiKeyHeaders })).json(),
    (await app.inject({ url: `/api/v1/contacts/${contact.id}`, headers: a.apiKeyHeaders })).json(),
  ];
  return { tag, contact, snapshot };
};

export const isolationCases: IsolationCase[] = [
  {
    // Names are unique per organisation: B may create the name A uses.
    route: "POST /api/v1/tags",
    kind: "scoped",
    prepare: async (context) => {
      const tag = await createTag(context, context.a);
      context.remember(tag.id);
      return { payload: { name: tag.name.toUpperCase() } };
    },
  },
  {
    route: "GET /api/v1/tags",
    kind: "scoped",
    prepare: async (context) => {
      await taggedContactOfA(context);
      return {};
    },
  },
  ...(["GET", "PATCH", "DELETE"] as const).map(
    (method): IsolationCase => ({
      route: `${method} /api/v1/tags/{id}`,
      kind: "foreign-object",
      prepare: async (context) => {
        const { tag, snapshot } = await taggedContactOfA(context);
        return { params: { id: tag.id }, payload: { name: "Taken over" }, snapshot };
      },
    }),
  ),
  {
    // B's own tag on A's contact.
    route: "PUT /api/v1/contacts/{id}/tags/{tagId}",
    kind: "foreign-object",
    prepare: async (context) => {
      const { contact, snapshot } = await taggedContactOfA(context);
      const own = await createTag(context, context.b);
      return { params: { id: contact.id, tagId: own.id }, snapshot };
    },
  },
  {
    // A's tag off B's own contact, and A's tag off A's contact, are both out of reach.
    route: "DELETE /api/v1/contacts/{id}/tags/{tagId}",
    kind: "foreign-object",
    prepare: async (context) => {
      const { tag, snapshot } = await taggedContactOfA(context);
      const own = await createContact(context, context.b);
      return { params: { id: own.id, tagId: tag.id }, snapshot };
    },
  },
];
