import type { IsolationCase, IsolationContext } from "../../test/isolation.ts";

const createApiKeyOfA = async ({ app, a, remember }: IsolationContext) => {
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: a.apiKeyHeaders,
    payload: { name: "A's key" },
  });
  const { id, key } = created.json();
  remember(id);
  remember(key);
  return {
    params: { id },
    snapshot: async () => {
      const list = await app.inject({ url: "/api/v1/api-keys?limit=200", headers: a.apiKeyHeaders });
      return list.json().data.find((entry: { id: string }) => entry.id === id);
    },
  };
};

const sessionOfA = async ({ app, a, remember }: IsolationContext) => {
  const sessions = await app.inject({ url: "/api/v1/auth/sessions", cookies: a.cookies });
  const id = sessions.json().data[0].id;
  remember(id);
  return {
    params: { id },
    snapshot: async () => (await app.inject({ url: "/api/v1/me", cookies: a.cookies })).statusCode,
  };
};

const invitationOfA = async ({ app, a, remember }: IsolationContext) => {
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/invitations",
    headers: a.apiKeyHeaders,
    payload: { email: `invitee-${Date.now()}-${Math.random()}@example.com` },
  });
  const { id, email } = created.json();
  remember(id);
  remember(email);
  return {
    params: { id },
    snapshot: async () => {
      const list = await app.inject({ url: "/api/v1/invitations", headers: a.apiKeyHeaders });
      return list.json().data.find((entry: { id: string }) => entry.id === id);
    },
  };
};

const memberOfA = async ({ app, a }: IsolationContext) => ({
  params: { userId: a.userId },
  payload: { role: "member" },
  snapshot: async () => (await app.inject({ url: "/api/v1/members", headers: a.apiKeyHeaders })).json(),
});

export const isolationCases: IsolationCase[] = [
  { route: "GET /api/v1/me", kind: "scoped" },
  {
    route: "PATCH /api/v1/organization",
    kind: "scoped",
    prepare: async () => ({ payload: { name: "Renamed B" } }),
  },
  {
    route: "DELETE /api/v1/organization",
    kind: "scoped",
    // A wrong confirmation: B's own organisation must survive for the rest of the run.
    prepare: async () => ({ payload: { confirm: "not-the-slug" } }),
  },
  { route: "GET /api/v1/api-keys", kind: "scoped" },
  { route: "POST /api/v1/api-keys", kind: "scoped", prepare: async () => ({ payload: { name: "B's key" } }) },
  { route: "DELETE /api/v1/api-keys/{id}", kind: "foreign-object", prepare: createApiKeyOfA },
  {
    route: "POST /api/v1/auth/sign-up",
    kind: "public",
    reason: "creates a new organisation; no credentials",
  },
  {
    route: "POST /api/v1/auth/sign-in/email",
    kind: "public",
    reason: "no credentials; answers only the caller",
  },
  { route: "POST /api/v1/auth/sign-out", kind: "scoped", sessionOnly: true },
  {
    route: "POST /api/v1/auth/password-reset/request",
    kind: "public",
    reason: "answers the same for every email",
  },
  {
    route: "POST /api/v1/auth/password-reset/confirm",
    kind: "public",
    reason: "the reset token is the credential",
  },
  { route: "GET /api/v1/auth/sessions", kind: "scoped", sessionOnly: true },
  {
    route: "DELETE /api/v1/auth/sessions/{id}",
    kind: "foreign-object",
    sessionOnly: true,
    prepare: sessionOfA,
  },
  { route: "GET /api/v1/organizations", kind: "scoped", sessionOnly: true },
  { route: "POST /api/v1/auth/two-factor/setup", kind: "scoped", sessionOnly: true },
  {
    route: "POST /api/v1/auth/two-factor/enable",
    kind: "scoped",
    sessionOnly: true,
    prepare: async () => ({ payload: { code: "000000" } }),
  },
  {
    route: "POST /api/v1/auth/two-factor/disable",
    kind: "scoped",
    sessionOnly: true,
    prepare: async () => ({ payload: { password: "not the password" } }),
  },
  {
    route: "POST /api/v1/auth/sign-in/two-factor",
    kind: "public",
    reason: "the challenge is the credential",
  },
  { route: "GET /api/v1/members", kind: "scoped" },
  { route: "PATCH /api/v1/members/{userId}", kind: "foreign-object", prepare: memberOfA },
  { route: "DELETE /api/v1/members/{userId}", kind: "foreign-object", prepare: memberOfA },
  { route: "GET /api/v1/invitations", kind: "scoped" },
  {
    route: "POST /api/v1/invitations",
    kind: "scoped",
    prepare: async () => ({ payload: { email: `b-invitee-${Date.now()}@example.com` } }),
  },
  { route: "POST /api/v1/invitations/{id}/resend", kind: "foreign-object", prepare: invitationOfA },
  { route: "DELETE /api/v1/invitations/{id}", kind: "foreign-object", prepare: invitationOfA },
  {
    route: "GET /api/v1/invitations/preview",
    kind: "public",
    reason: "the invitation token is the credential",
  },
  {
    route: "POST /api/v1/invitations/accept",
    kind: "public",
    reason: "the invitation token is the credential",
  },
  {
    route: "POST /api/v1/auth/active-organization",
    kind: "foreign-object",
    sessionOnly: true,
    prepare: async ({ a }) => ({ payload: { organizationId: a.tenantId } }),
  },
];
