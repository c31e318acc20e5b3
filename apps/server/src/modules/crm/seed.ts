import { type CountryCode, getExampleNumber, parsePhoneNumberFromString } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import type { DemoTenant } from "../../platform/module.ts";
import type { CompanyService } from "./companies/service.ts";
import type { ConsentService } from "./consent/service.ts";
import type { ContactService } from "./contacts/service.ts";
import type { NoteService } from "./notes/service.ts";
import type { SegmentService } from "./segments/service.ts";
import type { CrmSettingsService } from "./settings/service.ts";
import type { TagService } from "./tags/service.ts";

type Services = {
  contacts: ContactService;
  settings: CrmSettingsService;
  companies: CompanyService;
  tags: TagService;
  notes: NoteService;
  consent: ConsentService;
  segments: SegmentService;
};

/** A valid mobile number of `country`: the library's example with its last digits varied. */
function mobileNumber(country: CountryCode, variant: number): string {
  const example = getExampleNumber(country, examples)?.number ?? "";
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const suffix = String((variant * 37 + attempt * 11) % 1000).padStart(3, "0");
    const candidate = `${example.slice(0, -3)}${suffix}`;
    if (parsePhoneNumberFromString(candidate)?.isValid()) return candidate;
  }
  return example;
}

const companies = [
  { name: "Boulangerie Dupont", domain: "boulangerie-dupont.fr", industry: "Food & beverage", size: "1-10" },
  { name: "شركة النخيل للتجارة", domain: "alnakheel.ae", industry: "Retail", size: "51-200" },
  { name: "東京デザイン株式会社", domain: "tokyo-design.jp", industry: "Design", size: "11-50" },
  { name: "Nairobi Tech Hub", domain: "nairobitech.co.ke", industry: "Software", size: "11-50" },
  { name: "Café São Paulo", domain: "cafesaopaulo.com.br", industry: "Food & beverage", size: "1-10" },
] as const;

const people: { name: string; country: CountryCode; company?: number; stage: string; tags: string[] }[] = [
  { name: "Amélie Dupont", country: "FR", company: 0, stage: "customer", tags: ["VIP", "Newsletter"] },
  { name: "Lucas Bernard", country: "FR", company: 0, stage: "qualified", tags: ["Wholesale"] },
  { name: "محمد العلي", country: "AE", company: 1, stage: "customer", tags: ["VIP"] },
  { name: "فاطمة الزهراء", country: "MA", stage: "lead", tags: ["Instagram lead"] },
  { name: "佐藤 花子", country: "JP", company: 2, stage: "qualified", tags: ["Newsletter"] },
  { name: "王伟", country: "CN", stage: "lead", tags: [] },
  { name: "김민준", country: "KR", stage: "subscriber", tags: ["Newsletter"] },
  { name: "Wanjiru Kamau", country: "KE", company: 3, stage: "customer", tags: ["Wholesale"] },
  { name: "Chinedu Okafor", country: "NG", stage: "lead", tags: ["Instagram lead"] },
  { name: "João Silva", country: "BR", company: 4, stage: "customer", tags: ["VIP"] },
  { name: "María García", country: "ES", stage: "churned", tags: [] },
  { name: "Priya Sharma", country: "IN", stage: "qualified", tags: ["Newsletter"] },
  { name: "Олена Коваленко", country: "UA", stage: "subscriber", tags: [] },
  { name: "Νίκος Παπαδόπουλος", country: "GR", stage: "lead", tags: ["Instagram lead"] },
  { name: "Emma Johnson", country: "GB", stage: "customer", tags: ["Newsletter", "VIP"] },
  { name: "Nguyễn Văn An", country: "VN", stage: "lead", tags: [] },
];

const emailOf = (name: string, index: number) =>
  `${
    name
      .normalize("NFD")
      .replaceAll(/[^\p{ASCII}]/gu, "")
      .toLowerCase()
      .replaceAll(/[^a-z]+/g, ".")
      .replaceAll(/^\.|\.$/g, "") || `contact${index}`
  }@example.com`;

/** The demo organisation's CRM: custom fields, companies, tags, contacts from many countries, notes, consent, a segment. */
export function createCrmDemoSeeder(services: Services) {
  return async ({ actor }: DemoTenant) => {
    await services.settings.updateSettings(actor, { defaultCountry: "FR" });
    await services.settings.createCustomField(actor, {
      key: "plan",
      label: "Plan",
      type: "select",
      options: ["free", "starter", "pro"],
    });
    await services.settings.createCustomField(actor, {
      key: "lifetime_value",
      label: "Lifetime value",
      type: "number",
    });
    const companyIds = [];
    for (const company of companies)
      companyIds.push((await services.companies.createCompany(actor, company)).id);
    const tagIds = new Map<string, string>();
    for (const name of ["VIP", "Newsletter", "Wholesale", "Instagram lead"]) {
      tagIds.set(name, (await services.tags.createTag(actor, { name })).id);
    }
    for (const [index, person] of people.entries()) {
      const contact = await services.contacts.createContact(actor, {
        name: person.name,
        email: emailOf(person.name, index),
        phone: mobileNumber(person.country, index),
        companyId: person.company === undefined ? null : (companyIds[person.company] ?? null),
        lifecycleStage: person.stage as "lead",
        source: index % 3 === 0 ? "whatsapp" : index % 3 === 1 ? "website" : "import",
        customFields: { plan: ["free", "starter", "pro"][index % 3], lifetime_value: (index * 137) % 2000 },
      });
      for (const tag of person.tags)
        await services.tags.tagContact(actor, contact.id, tagIds.get(tag) as string);
      if (index % 2 === 0) {
        await services.consent.changeConsent(actor, contact.id, "whatsapp", {
          status: "opted_in",
          method: "form",
          evidence: "Checked “Send me offers on WhatsApp” on the website form",
        });
      }
      if (index % 4 === 0) {
        await services.notes.createNote(actor, contact.id, {
          body: `Called **${person.name}** about the spring order. Follow up next week.`,
        });
      }
    }
    await services.segments.createSegment(actor, {
      name: "WhatsApp-ready customers",
      filter: {
        match: "all",
        conditions: [
          { field: "lifecycleStage", operator: "eq", value: "customer" },
          { field: "consent.whatsapp", operator: "eq", value: "opted_in" },
        ],
      },
    });
  };
}
