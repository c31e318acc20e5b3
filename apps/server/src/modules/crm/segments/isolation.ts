import { newId } from "../../../platform/ids.ts";
import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";

const everyone = { match: "all", conditions: [{ field: "name", operator: "is_not_empty" }] };

/** A segment of A's matching A's contacts. */
const segmentOfA = async ({ app, a, remember }: IsolationContext) => {
  const name = `A's segment ${newId()}`;
  const { id } = (
    await app.inject({
      method: "POST",
      url: "/api/v1/segments",
      headers: a.apiKeyHeaders,
      payload: { name, filter: everyone },
    })
  ).json();
  remember(id);
  remember(name);
  return {
    params: { id },
    payload: { name: "Taken over" },
    snapshot: async () =>
      (await app.inject({ url: `/api/v1/segments/${id}`, headers: a.apiKeyHeaders })).json(),
  };
};

export const isolationCases: IsolationCase[] = [
  {
    // Names are unique per organisation: B may save the name A uses.
    route: "POST /api/v1/segments",
    kind: "scoped",
    prepare: async (context) => {
      const name = `Shared name ${newId()}`;
      const created = await context.app.inject({
        method: "POST",
        url: "/api/v1/segments",
        headers: context.a.apiKeyHeaders,
        payload: { name, filter: everyone },
      });
      context.remember(created.json().id);
      return { payload: { name, filter: everyone } };
    },
  },
  {
    route: "GET /api/v1/segments",
    kind: "scoped",
    prepare: async (context) => {
      await segmentOfA(context);
      return {};
    },
  },
  { route: "GET /api/v1/segments/{id}", kind: "foreign-object", prepare: segmentOfA },
  { route: "PATCH /api/v1/segments/{id}", kind: "foreign-object", prepare: segmentOfA },
  { route: "DELETE /api/v1/segments/{id}", kind: "foreign-object", prepare: segmentOfA },
];
