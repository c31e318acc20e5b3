import { newId } from "../../../platform/ids.ts";
import type { IsolationCase, IsolationContext } from "../../../test/isolation.ts";

const uniqueDomain = () => `co-${newId().slice(-12)}.example.com`;

/** A company of A's with a contact, and what A sees of both. */
const companyOfA = async ({ app, a, remember }: IsolationContext) => {
  const name = `A's company ${newId()}`;
  const domain = uniqueDomain();
  const { id } = (
    await app.inject({
      method: "POST",
      url: "/api/v1/companies",
      headers: a.apiKeyHeaders,
      payload: { name, domain, industry: "Secret industry" },
    })
  ).json();
  const contact = (
    await app.inject({
      method: "POST",
      url: "/api/v1/contacts",
      headers: a.apiKeyHeaders,
      payload: { name: `A's employee ${newId()}`, companyId: id },
    })
  ).json();
  for (const value of [id, name, domain, contact.id, contact.name]) remember(value);
  return {
    params: { id },
    payload: { name: "Taken over" },
    snapshot: async () => [
      (await app.inject({ url: `/api/v1/companies/${id}`, headers: a.apiKeyHeaders })).json(),
      (await app.inject({ url: `/api/v1/contacts/${contact.id}`, headers: a.apiKeyHeaders })).json(),
    ],
  };
};

export const isolationCases: IsolationCase[] = [
  {
    // A domain is unique per organisation: B may use the one A has, and sees nothing of A's company.
    route: "POST /api/v1/companies",
    kind: "scoped",
    prepare: async ({ app, a, remember }) => {
      const domain = uniqueDomain();
      const { id } = (
        await app.inject({
          method: "POST",
          url: "/api/v1/companies",
          headers: a.apiKeyHeaders,
          payload: { name: "A's twin", domain },
        })
      ).json();
      remember(id);
      return { payload: { name: "B's company", domain } };
    },
  },
  {
    route: "GET /api/v1/companies",
    kind: "scoped",
    prepare: async (context) => {
      await companyOfA(context);
      return {};
    },
  },
  { route: "GET /api/v1/companies/{id}", kind: "foreign-object", prepare: companyOfA },
  { route: "PATCH /api/v1/companies/{id}", kind: "foreign-object", prepare: companyOfA },
  { route: "DELETE /api/v1/companies/{id}", kind: "foreign-object", prepare: companyOfA },
  { route: "GET /api/v1/companies/{id}/contacts", kind: "foreign-object", prepare: companyOfA },
];
