import type { IsolationContext } from "../../../test/isolation.ts";

/** Creates a contact of organisation A for an isolation case and marks its id, name and email as A's. */
export async function createContactOfA(
  { app, a, remember }: IsolationContext,
  payload: { name: string; email?: string; phone?: string; companyId?: string },
): Promise<{ id: string; name: string; email: string | null }> {
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/contacts",
    headers: a.apiKeyHeaders,
    payload,
  });
  const contact = created.json();
  for (const value of [contact.id, contact.name, contact.email]) if (value) remember(value);
  return contact;
}
