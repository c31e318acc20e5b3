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
    // B's own reply next to A's: the answer shows nothing of A's.
    route: "POST /api/v1/canned-replies",
    kind: "scoped",
    prepare: async (context) => {
      await cannedReplyOfA(context);
      return { payload: { shortcut: `b-${newId().slice(-12)}`, body: "B's own answer" } };
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
