import { describe, expect, it } from "vitest";
import type { ContactRow } from "../contacts/repo.ts";
import type { CustomFieldDefinition } from "../filter/field-catalogue.ts";
import { compileMapping } from "./mapping.ts";
import { type PlannedRow, planBatch } from "./plan.ts";
import { prepareRow, type RowContext } from "./rows.ts";

const definitions: CustomFieldDefinition[] = [
  { key: "plan", label: "Plan", type: "select", options: ["Free", "Pro"] },
  { key: "seats", label: "Seats", type: "number", options: [] },
  { key: "vip", label: "VIP", type: "boolean", options: [] },
  { key: "renewal", label: "Renewal", type: "date", options: [] },
  { key: "channels", label: "Channels", type: "multi_select", options: ["web", "shop"] },
];

function contextFor(mapping: Record<string, string>): { context: RowContext; columns: string[] } {
  const columns = Object.keys(mapping);
  return {
    columns,
    context: {
      mapping: compileMapping(mapping, columns),
      defaultCountry: "FR",
      customFields: new Map(definitions.map((definition) => [definition.key, definition])),
    },
  };
}

const { context } = contextFor({
  first: "firstName",
  last: "lastName",
  name: "name",
  email: "email",
  emails: "emails",
  phone: "phone",
  phones: "phones",
  company: "company",
  stage: "lifecycleStage",
  language: "language",
  timezone: "timezone",
  tags: "tags",
  whatsapp: "consent.whatsapp",
  plan: "custom.plan",
  seats: "custom.seats",
  vip: "custom.vip",
  renewal: "custom.renewal",
  channels: "custom.channels",
});

/** A record in the column order above, from the cells given by name. */
const record = (cells: Record<string, string>) =>
  [
    "first",
    "last",
    "name",
    "email",
    "emails",
    "phone",
    "phones",
    "company",
    "stage",
    "language",
    "timezone",
    "tags",
    "whatsapp",
    "plan",
    "seats",
    "vip",
    "renewal",
    "channels",
  ].map((column) => cells[column] ?? "");

describe("reading a row", () => {
  it("converts every value: E.164 phones with the default country, joined names, typed custom fields", () => {
    const result = prepareRow(
      record({
        first: " Jean ",
        last: "Dupont",
        email: "Jean@Example.COM",
        emails: "jd@work.fr; jean@home.fr",
        phone: "06 12 34 56 78",
        phones: "+49 1512 3171444",
        company: "ACME",
        stage: "Client",
        language: "pt_BR",
        timezone: "Europe/Paris",
        tags: "VIP, vip; Salon",
        whatsapp: "Oui",
        plan: "pro",
        seats: "1 234,5",
        vip: "yes",
        renewal: "2027-01-31",
        channels: "web; SHOP",
      }),
      context,
    );
    expect(result).toEqual({
      ok: true,
      row: {
        name: "Jean Dupont",
        email: "jean@example.com",
        emails: ["jd@work.fr", "jean@home.fr"],
        phone: "+33612345678",
        phoneAsEntered: "06 12 34 56 78",
        phones: ["+4915123171444"],
        company: "ACME",
        lifecycleStage: "customer",
        language: "pt-BR",
        timezone: "Europe/Paris",
        tags: ["VIP", "Salon"],
        consents: [{ channel: "whatsapp", status: "opted_in" }],
        customFields: {
          plan: "Pro",
          seats: 1234.5,
          vip: true,
          renewal: "2027-01-31",
          channels: ["web", "shop"],
        },
      },
    });
  });

  it("prefers the full name column to first and last names", () => {
    const result = prepareRow(record({ name: "J. Dupont", first: "Jean", last: "Dupont" }), context);
    expect(result.ok && result.row.name).toBe("J. Dupont");
  });

  it("fails a row with every problem named, field first", () => {
    const result = prepareRow(
      record({
        name: "Bad",
        email: "not-an-email",
        phone: "123",
        stage: "sometimes",
        whatsapp: "maybe",
        plan: "Gold",
        seats: "many",
        renewal: "31/01/2027",
        timezone: "Mars/Olympus",
      }),
      context,
    );
    expect(result.ok).toBe(false);
    const reasons = result.ok ? [] : result.reason.split("; ");
    expect(reasons).toEqual([
      "email: not a valid email address",
      "phone: not a valid phone number",
      expect.stringMatching(/^lifecycleStage: expected one of subscriber, lead/),
      "timezone: not a time zone such as Europe/Paris",
      "consent.whatsapp: expected yes or no",
      expect.stringMatching(/^custom\.plan: expected one of: Free, Pro/),
      "custom.seats: expected a number",
      "custom.renewal: expected a date as YYYY-MM-DD",
    ]);
  });

  it("fails a row with nothing to know the contact by", () => {
    expect(prepareRow(record({ company: "ACME", tags: "x" }), context)).toEqual({
      ok: false,
      reason: "the row has no name, email or phone",
    });
  });
});

const row = (rowNumber: number, cells: Record<string, string>): PlannedRow => ({
  rowNumber,
  record: record(cells),
  prepared: prepareRow(record(cells), context),
});

const existingContact = (fields: Partial<ContactRow>): ContactRow => ({
  tenantId: "00000000-0000-7000-8000-000000000000",
  id: "00000000-0000-7000-8000-000000000001",
  name: "Existing",
  email: null,
  phone: null,
  phoneAsEntered: null,
  otherEmails: [],
  otherPhones: [],
  companyId: null,
  ownerId: null,
  lifecycleStage: "lead",
  source: "web",
  language: null,
  timezone: null,
  avatarUrl: null,
  customFields: { seats: 3 },
  searchName: "",
  searchNameRest: null,
  emailDomain: null,
  phoneReversed: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...fields,
});

describe("planning a batch", () => {
  it("creates new contacts, and a later row with the same phone updates the one the earlier row creates", () => {
    const plan = planBatch(
      [
        row(1, { name: "Ada", phone: "+33 6 12 34 56 78", email: "ada@example.com" }),
        row(2, { name: "Bad", phone: "12" }),
        row(3, { name: "Ada L.", phone: "0612345678", email: "ada@work.com", tags: "vip" }),
      ],
      [],
      "upsert",
    );
    expect(plan.outcomes.map((outcome) => [outcome.rowNumber, outcome.outcome])).toEqual([
      [1, "created"],
      [2, "failed"],
      [3, "updated"],
    ]);
    expect(plan.contacts).toHaveLength(1);
    expect(plan.contacts[0]?.draft).toMatchObject({
      name: "Ada L.",
      email: "ada@example.com",
      otherEmails: ["ada@work.com"],
      phone: "+33612345678",
    });
    expect(plan.contacts[0]?.tags).toEqual(["vip"]);
  });

  it("updates the contact with the same phone before the one with the same email, keeping its primary email", () => {
    const byPhone = existingContact({ id: "00000000-0000-7000-8000-00000000000a", phone: "+33612345678" });
    const byEmail = existingContact({ id: "00000000-0000-7000-8000-00000000000b", email: "ada@example.com" });
    const plan = planBatch(
      [row(1, { email: "ada@example.com", phone: "06 12 34 56 78", seats: "5" })],
      [byEmail, byPhone],
      "upsert",
    );
    expect(plan.outcomes[0]?.outcome).toBe("updated");
    expect(plan.contacts).toHaveLength(1);
    expect(plan.contacts[0]?.existing?.id).toBe(byPhone.id);
    expect(plan.contacts[0]?.draft).toMatchObject({
      name: "Existing",
      email: "ada@example.com",
      source: "web",
      customFields: { seats: 5 },
    });
    const keeps = planBatch(
      [row(1, { email: "new@example.com", phone: "06 12 34 56 78" })],
      [existingContact({ phone: "+33612345678", email: "old@example.com" })],
      "upsert",
    );
    expect(keeps.contacts[0]?.draft).toMatchObject({
      email: "old@example.com",
      otherEmails: ["new@example.com"],
    });
  });

  it("skips what exists already in create mode, in the database or earlier in the file", () => {
    const plan = planBatch(
      [
        row(1, { name: "Known", email: "known@example.com" }),
        row(2, { name: "New", email: "new@example.com" }),
        row(3, { name: "New again", email: "NEW@example.com" }),
      ],
      [existingContact({ email: "known@example.com" })],
      "create",
    );
    expect(plan.outcomes.map((outcome) => outcome.outcome)).toEqual(["skipped", "created", "skipped"]);
    expect(plan.outcomes[0]?.reason).toBe("already exists");
    expect(plan.contacts.map((contact) => contact.draft.name)).toEqual(["New"]);
  });

  it("counts a row matching a contact an earlier batch of a dry run would create as an update", () => {
    const plan = planBatch(
      [row(1001, { email: "ada@example.com" })],
      [],
      "upsert",
      new Set(["ada@example.com"]),
    );
    expect(plan.outcomes[0]?.outcome).toBe("updated");
    expect(plan.contacts).toEqual([]);
  });
});
