import { newId } from "../../platform/ids.ts";
import { signWebhookBody } from "../../providers/whatsapp-cloud/index.ts";
import type { IsolationCase, IsolationContext, IsolationParty } from "../../test/isolation.ts";

const appSecret = "isolation-app-secret";
let sequence = 0;

const connectNumber = async ({ app }: IsolationContext, party: IsolationParty) => {
  const phoneNumberId = `7${Date.now()}${sequence++}`.slice(0, 15);
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/channels/whatsapp",
    headers: party.apiKeyHeaders,
    payload: {
      phoneNumberId,
      wabaId: `8${phoneNumberId}`.slice(0, 15),
      accessToken: "isolation-token",
      appSecret,
      verifyToken: `verify-${newId()}`,
      apiBaseUrl: "http://127.0.0.1:9/unreachable",
    },
  });
  return { ...(response.json() as { id: string }), phoneNumberId };
};

/** A's number, a customer's message to it (applied), and one note: A's conversation, message and channel. */
const conversationOfA = async (context: IsolationContext) => {
  const { app, a, remember } = context;
  const channel = await connectNumber(context, a);
  const waId = `3361${String(Date.now()).slice(-7)}`;
  const wamid = `wamid.${newId()}`;
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "1",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550000000", phone_number_id: channel.phoneNumberId },
              contacts: [{ profile: { name: `Customer ${waId}` }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: wamid,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: "text",
                  text: { body: `Secret ${wamid}` },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  await app.inject({
    method: "POST",
    url: "/webhooks/whatsapp",
    headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(body, appSecret) },
    payload: body,
  });
  await context.modules.inbox.drainDeliveries();
  const conversations = (
    await app.inject({ url: `/api/v1/conversations?channelId=${channel.id}`, headers: a.apiKeyHeaders })
  ).json().data as { id: string }[];
  const conversation = conversations[0];
  if (!conversation) throw new Error("the isolation fixture's conversation was not created");
  const note = (
    await app.inject({
      method: "POST",
      url: `/api/v1/conversations/${conversation.id}/notes`,
      headers: a.apiKeyHeaders,
      payload: { body: `Note ${wamid}` },
    })
  ).json() as { id: string };
  for (const value of [channel.id, channel.phoneNumberId, conversation.id, note.id, wamid, waId])
    remember(value);
  const snapshot = async () => [
    (await app.inject({ url: `/api/v1/conversations/${conversation.id}`, headers: a.apiKeyHeaders })).json(),
    (
      await app.inject({ url: `/api/v1/conversations/${conversation.id}/messages`, headers: a.apiKeyHeaders })
    ).json(),
    (await app.inject({ url: `/api/v1/channels/whatsapp/${channel.id}`, headers: a.apiKeyHeaders })).json(),
  ];
  return { channel, conversation, note, snapshot };
};

const uploadOfA = async ({ app, a, remember }: IsolationContext) => {
  const upload = (
    await app.inject({
      method: "POST",
      url: "/api/v1/media?fileName=secret.pdf",
      headers: { ...a.apiKeyHeaders, "content-type": "application/pdf" },
      payload: Buffer.from("%PDF-1.4 A's secret"),
    })
  ).json() as { id: string };
  remember(upload.id);
  return upload;
};

export const isolationCases: IsolationCase[] = [
  {
    // A number connects once across organisations: B's own number is another one.
    route: "POST /api/v1/channels/whatsapp",
    kind: "scoped",
    prepare: async (context) => {
      await conversationOfA(context);
      return {
        payload: {
          phoneNumberId: `6${Date.now()}`.slice(0, 15),
          wabaId: "123456789",
          accessToken: "b-token",
          appSecret: "b-secret",
          verifyToken: "b-verify-token",
        },
      };
    },
  },
  ...["GET /api/v1/channels/whatsapp", "GET /api/v1/conversations", "GET /api/v1/conversations/unread"].map(
    (route): IsolationCase => ({
      route,
      kind: "scoped",
      prepare: async (context) => {
        await conversationOfA(context);
        return {};
      },
    }),
  ),
  ...(["GET", "PATCH", "DELETE"] as const).map(
    (method): IsolationCase => ({
      route: `${method} /api/v1/channels/whatsapp/{id}`,
      kind: "foreign-object",
      prepare: async (context) => {
        const { channel, snapshot } = await conversationOfA(context);
        return { params: { id: channel.id }, payload: { sendRatePerSecond: 1 }, snapshot };
      },
    }),
  ),
  {
    route: "POST /api/v1/channels/whatsapp/{id}/refresh",
    kind: "foreign-object",
    prepare: async (context) => {
      const { channel, snapshot } = await conversationOfA(context);
      return { params: { id: channel.id }, snapshot };
    },
  },
  ...[
    ["GET", "/api/v1/conversations/{id}", undefined],
    ["PATCH", "/api/v1/conversations/{id}", { status: "resolved" }],
    ["POST", "/api/v1/conversations/{id}/read", undefined],
    ["GET", "/api/v1/conversations/{id}/messages", undefined],
    ["POST", "/api/v1/conversations/{id}/messages", { type: "text", text: "taken over" }],
    ["POST", "/api/v1/conversations/{id}/notes", { body: "taken over" }],
  ].map(
    ([method, path, payload]): IsolationCase => ({
      route: `${method} ${path}`,
      kind: "foreign-object",
      prepare: async (context) => {
        const { conversation, snapshot } = await conversationOfA(context);
        return { params: { id: conversation.id }, payload, snapshot };
      },
    }),
  ),
  {
    route: "POST /api/v1/messages/{id}/retry",
    kind: "foreign-object",
    prepare: async (context) => {
      const { note, snapshot } = await conversationOfA(context);
      return { params: { id: note.id }, snapshot };
    },
  },
  {
    route: "POST /api/v1/media",
    kind: "scoped",
    prepare: async (context) => {
      await uploadOfA(context);
      return { payload: { not: "a file of A's" } };
    },
  },
  {
    route: "GET /api/v1/media/{id}",
    kind: "foreign-object",
    prepare: async (context) => ({ params: { id: (await uploadOfA(context)).id } }),
  },
];
