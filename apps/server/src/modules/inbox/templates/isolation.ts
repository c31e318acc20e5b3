import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";
import { nextGraphId, startTemplateStandIn } from "./test-support.ts";

let standIn: ReturnType<typeof startTemplateStandIn> | undefined;

/** One stand-in for every case, not holding the process open: the isolation test has no teardown. */
const sharedStandIn = () => {
  standIn ??= startTemplateStandIn().then((started) => {
    started.server.server.unref();
    return started;
  });
  return standIn;
};

const draftFor = (channelId: string) => ({
  channelId,
  name: `isolation_${nextGraphId()}`,
  language: "en_US",
  category: "UTILITY",
  body: { text: "Your order {{1}} has shipped.", examples: ["1042"] },
});

/** A's number on the stand-in and a template A submitted on it. */
const templateOfA = async ({ app, a, remember }: IsolationContext) => {
  const number = await (await sharedStandIn()).registerNumber();
  const channel = (
    await app.inject({
      method: "POST",
      url: "/api/v1/channels/whatsapp",
      headers: a.apiKeyHeaders,
      payload: number,
    })
  ).json() as { id: string };
  const template = (
    await app.inject({
      method: "POST",
      url: "/api/v1/whatsapp/templates",
      headers: a.apiKeyHeaders,
      payload: draftFor(channel.id),
    })
  ).json() as { id: string; name: string };
  if (!template.id) throw new Error("the isolation fixture's template was not created");
  for (const value of [channel.id, number.phoneNumberId, number.wabaId, template.id, template.name])
    remember(value);
  const snapshot = async () => [
    (await app.inject({ url: `/api/v1/whatsapp/templates/${template.id}`, headers: a.apiKeyHeaders })).json(),
    (
      await app.inject({
        url: `/api/v1/whatsapp/templates?channelId=${channel.id}`,
        headers: a.apiKeyHeaders,
      })
    ).json(),
  ];
  return { channel, template, snapshot };
};

export const isolationCases: IsolationCase[] = [
  {
    route: "GET /api/v1/whatsapp/templates",
    kind: "scoped",
    prepare: async (context) => {
      await templateOfA(context);
      return {};
    },
  },
  {
    route: "GET /api/v1/whatsapp/templates/{id}",
    kind: "foreign-object",
    prepare: async (context) => {
      const { template, snapshot } = await templateOfA(context);
      return { params: { id: template.id }, snapshot };
    },
  },
  {
    // A valid draft on A's number: refused for the number, before Meta is asked.
    route: "POST /api/v1/whatsapp/templates",
    kind: "foreign-object",
    prepare: async (context) => {
      const { channel, snapshot } = await templateOfA(context);
      return { payload: draftFor(channel.id), snapshot };
    },
  },
  {
    route: "POST /api/v1/channels/whatsapp/{id}/templates/sync",
    kind: "foreign-object",
    prepare: async (context) => {
      const { channel, snapshot } = await templateOfA(context);
      return { params: { id: channel.id }, snapshot };
    },
  },
];
