import { newId } from "../../../platform/ids.ts";
import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";

/** A contact of A's opted in on WhatsApp with evidence. */
const consentOfA = async ({ app, a, remember }: IsolationContext) => {
  const contact = (
    await app.inject({
      method: "POST",
      url: "/api/v1/contacts",
      headers: a.apiKeyHeaders,
      payload: { name: `Consenting ${newId()}` },
    })
  ).json();
  const evidence = `A's signup form ${newId()}`;
  await app.inject({
    method: "PUT",
    url: `/api/v1/contacts/${contact.id}/consent/whatsapp`,
    headers: a.apiKeyHeaders,
    payload: { status: "opted_in", method: "form", evidence },
  });
  for (const value of [contact.id, contact.name, evidence]) remember(value);
  return {
    params: { id: contact.id, channel: "whatsapp" },
    payload: { status: "opted_out", method: "manual" },
    snapshot: async () =>
      (await app.inject({ url: `/api/v1/contacts/${contact.id}/consent`, headers: a.apiKeyHeaders })).json(),
  };
};

export const isolationCases: IsolationCase[] = [
  { route: "GET /api/v1/contacts/{id}/consent", kind: "foreign-object", prepare: consentOfA },
  { route: "PUT /api/v1/contacts/{id}/consent/{channel}", kind: "foreign-object", prepare: consentOfA },
];
