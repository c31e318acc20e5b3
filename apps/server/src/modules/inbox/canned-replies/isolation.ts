import { newId } from "../../../platform/ids.ts";
import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";

const cannedReplyOfA = async ({ app, a, remember }: IsolationContext) => {
  const shortcut = `a-${newId().slice(-12)}`;
  const reply = (
    await app.inject({
      method: "POST",
      url: "/api/v1/canned-replies",
      headers: a.apiKeyHeaders,
      payload: { shortcut, body: `A's secret answer ${shortcut}` },
    })
  ).json() as { id: string };
  remember(reply.id);
  remember(shortcut);
  const snapshot = async () =>
    (await app.inject({ url: `/api/v1/canned-replies?q=${shortcut}`, headers: a.apiKeyHeaders })).json();
  return { reply, shortcut, snapshot };
};

export const isolationCases: IsolationCase[] = [
  {
    route: "GET /api/v1/canned-replies",
    kind: "scoped",
    prepare: async (context) => {
      await cannedReplyOfA(context);
      return {};
    },
  },
  {
    // Shortcuts are unique per organisation: B may take the one A uses.
    route: "POST /api/v1/canned-replies",
    kind: "scoped",
    prepare: async (context) => {
      const { shortcut } = await cannedReplyOfA(context);
      return { payload: { shortcut: `b${shortcut}`, body: "B's own" } };
    },
  },
  ...(["PATCH", "DELETE"] as const).map(
    (method): IsolationCase => ({
      route: `${method} /api/v1/canned-replies/{id}`,
      kind: "foreign-object",
      prepare: async (context) => {
        const { reply, snapshot } = await cannedReplyOfA(context);
        return { params: { id: reply.id }, payload: { body: "taken over" }, snapshot };
      },
    }),
  ),
];
