import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { type CountryCode, getExampleNumber, parsePhoneNumberFromString } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import type { lifecycleStages } from "../../apps/server/src/modules/crm/tables.ts";
import {
  type Country,
  type Culture,
  companySizes,
  cultures,
  globalMailDomains,
  industries,
  type NameEntry,
  sources,
  tagNames,
} from "./people-names.ts";
import { createRandom, type Random, weightedPicker } from "./random.ts";

export type LifecycleStage = (typeof lifecycleStages)[number];

export type Company = { name: string; domain: string; industry: string; size: string };

/** A contact as a CRM holds it: names in their own script, a valid mobile phone, a unique email. */
export type Person = {
  firstName: string;
  lastName: string;
  /** The full name in the culture's order (family name first in East Asia and Vietnam). */
  name: string;
  email: string;
  /** The phone as a person typed it (international, E.164 or dashed). */
  phone: string;
  phoneE164: string;
  country: string;
  company: Company | null;
  tags: string[];
  lifecycleStage: LifecycleStage;
  source: string;
  language: string;
  timezone: string;
  culture: string;
};

const nativeOf = (entry: NameEntry) => (typeof entry === "string" ? entry : entry[0]);

/** The ASCII form people use in email addresses: "Müller" → "mueller", "Đặng" → "dang", "Yılmaz" → "yilmaz". */
function asciiOf(entry: NameEntry, culture: string): string {
  if (typeof entry !== "string") return entry[1];
  let text = entry.toLowerCase();
  if (culture === "de") text = text.replaceAll("ä", "ae").replaceAll("ö", "oe").replaceAll("ü", "ue");
  return text
    .replaceAll("ß", "ss")
    .replaceAll("đ", "d")
    .replaceAll("ı", "i")
    .normalize("NFD")
    .replaceAll(/\p{M}/gu, "")
    .replaceAll(/[^a-z0-9]/g, "");
}

/** A generated mobile number, in E.164 and as libphonenumber-js formats it. */
export type GeneratedPhone = { e164: string; international: string; national: string; callingCode: string };

/**
 * A formatter that puts other digits into the places of a formatted number's national digits: numbers
 * of one country with the same leading digits and length share one format, so formatting each number
 * with the library (the slow part of generating people) is not needed.
 */
function digitTemplate(formatted: string, skipDigits: number): (digits: string) => string {
  const parts: (string | number)[] = [];
  let seen = 0;
  let digitIndex = 0;
  for (const char of formatted) {
    if (char >= "0" && char <= "9" && seen++ >= skipDigits) parts.push(digitIndex++);
    else parts.push(char);
  }
  return (digits) => parts.map((part) => (typeof part === "number" ? digits[part] : part)).join("");
}

/**
 * Mobile numbers that pass libphonenumber-js `isValid()`: the country's example mobile number with
 * its last digits replaced. A multiplicative walk over the suffixes gives each number once per generator.
 */
function createPhoneSource(countryCode: string, random: Random) {
  const country = countryCode as CountryCode;
  const example = getExampleNumber(country, examples);
  if (!example) throw new Error(`libphonenumber-js has no example mobile number for ${countryCode}`);
  const callingCode = example.countryCallingCode;
  const nationalNumber = example.nationalNumber;
  const digits = Math.min(6, nationalNumber.length - 3);
  const prefix = nationalNumber.slice(0, nationalNumber.length - digits);
  const modulus = 10 ** digits;
  const offset = random.int(modulus);
  const international = digitTemplate(example.formatInternational(), callingCode.length);
  const national = digitTemplate(example.formatNational(), 0);
  let counter = 0;
  return (): GeneratedPhone => {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (counter >= modulus) throw new Error(`every mobile number near ${example.number} is taken`);
      const suffix = (offset + counter * 7919) % modulus;
      counter++;
      const candidate = `${prefix}${String(suffix).padStart(digits, "0")}`;
      const parsed = parsePhoneNumberFromString(candidate, country);
      if (!parsed?.isValid()) continue;
      const phone = {
        e164: `+${callingCode}${candidate}`,
        international: international(candidate),
        national: national(candidate),
        callingCode,
      };
      // Now and then, the library's own formatting proves the shortcut right.
      if (counter % 997 === 1 && phone.international !== parsed.formatInternational())
        throw new Error(`${parsed.formatInternational()} formatted as ${phone.international}`);
      return phone;
    }
    throw new Error(`no valid mobile number found near ${example.number} (${countryCode})`);
  };
}

/** How people type a number: spaced international, bare E.164, dashed, or "+1 (201) 555-0123". */
function typedPhone(phone: GeneratedPhone, random: Random): string {
  const roll = random.next();
  if (roll < 0.5) return phone.international;
  if (roll < 0.8) return phone.e164;
  if (phone.callingCode === "1") return `+1 ${phone.national}`;
  return phone.international.replaceAll(" ", "-");
}

const emailPatterns: readonly [weight: number, make: (given: string, family: string, n: number) => string][] =
  [
    [35, (given, family) => `${given}.${family}`],
    [15, (given, family) => `${given}${family}`],
    [15, (given, family) => `${given.slice(0, 1)}${family}`],
    [8, (given, family) => `${given}_${family}`],
    [7, (given, family) => `${family}.${given}`],
    [10, (given, _family, n) => `${given}${60 + (n % 45)}`],
    [10, (given, family, n) => `${given}.${family}${n % 1000}`],
  ];
const pickEmailPattern = weightedPicker(emailPatterns, ([weight]) => weight);
const pickStage = weightedPicker<readonly [LifecycleStage, number]>(
  [
    ["subscriber", 25],
    ["lead", 35],
    ["qualified", 12],
    ["customer", 20],
    ["churned", 8],
  ],
  ([, weight]) => weight,
);
const pickCulture = weightedPicker(cultures, (culture) => culture.weight);

export type PeopleGenerator = {
  /** Every company people may work for, created up front (per culture, by weight). */
  readonly companies: readonly Company[];
  next(): Person;
};

/**
 * Realistic contacts from many cultures and scripts (Latin with accents, Arabic, Chinese, Japanese,
 * Korean, Cyrillic, Devanagari, Greek, Turkish), deterministic for a seed. Emails are unique within
 * one generator; so are phones.
 */
export function createPeopleGenerator(options: { seed: number; companyCount?: number }): PeopleGenerator {
  const random = createRandom(options.seed);
  const companyCount = options.companyCount ?? 1_000;
  const countryPickers = new Map(
    cultures.map((culture) => [culture.key, weightedPicker(culture.countries, (country) => country.weight)]),
  );
  const phoneSources = new Map<string, () => GeneratedPhone>();
  const usedEmails = new Set<string>();
  const companiesByCulture = new Map<string, Company[]>();
  const totalWeight = cultures.reduce((sum, culture) => sum + culture.weight, 0);
  for (const culture of cultures) {
    const count = Math.max(3, Math.round((companyCount * culture.weight) / totalWeight));
    const seen = new Set<string>();
    const list: Company[] = [];
    for (let attempt = 0; list.length < count && attempt < count * 20; attempt++) {
      const company = makeCompany(culture, random, attempt);
      if (seen.has(company.domain)) continue;
      seen.add(company.domain);
      list.push(company);
    }
    companiesByCulture.set(culture.key, list);
  }
  const companies = [...companiesByCulture.values()].flat();

  const phoneFor = (country: Country) => {
    let source = phoneSources.get(country.code);
    if (!source) {
      source = createPhoneSource(country.code, random);
      phoneSources.set(country.code, source);
    }
    return source();
  };

  // Where the numbering of each address goes on: "jose.garcia@", "jose.garcia2@"… without rescanning.
  const nextNumber = new Map<string, number>();
  const uniqueEmail = (local: string, domain: string) => {
    const base = `${local}@${domain}`;
    let number = nextNumber.get(base) ?? 1;
    let email = number === 1 ? base : `${local}${number}@${domain}`;
    while (usedEmails.has(email)) email = `${local}${++number}@${domain}`;
    nextNumber.set(base, number + 1);
    usedEmails.add(email);
    return email;
  };

  let sequence = 0;
  const next = (): Person => {
    sequence++;
    const culture = pickCulture(random);
    const country = (countryPickers.get(culture.key) as (random: Random) => Country)(random);
    const given = random.pickSkewed(culture.given);
    const family = random.pickSkewed(culture.family);
    const firstName = nativeOf(given);
    const lastName = nativeOf(family);
    const name = culture.familyFirst
      ? `${lastName}${culture.separator}${firstName}`
      : `${firstName}${culture.separator}${lastName}`;
    const cultureCompanies = companiesByCulture.get(culture.key) ?? [];
    const company = random.chance(0.65)
      ? random.chance(0.85)
        ? random.pickSkewed(cultureCompanies)
        : random.pick(companies)
      : null;

    const [, makeLocal] = pickEmailPattern(random);
    const givenAscii = asciiOf(given, culture.key);
    const familyAscii = asciiOf(family, culture.key);
    const domainRoll = random.next();
    const domain =
      company && domainRoll < 0.2
        ? company.domain
        : domainRoll < 0.55
          ? random.pick(culture.mailDomains)
          : random.pick(globalMailDomains);
    const local =
      culture.key === "zh" && domain === "qq.com" && random.chance(0.5)
        ? String(100_000_000 + random.int(900_000_000))
        : makeLocal(givenAscii, familyAscii, random.int(100_000));
    const phone = phoneFor(country);

    const tags: string[] = [];
    if (random.chance(0.45)) {
      const wanted = 1 + random.int(3);
      for (let attempt = 0; tags.length < wanted && attempt < 6; attempt++) {
        const tag = random.pickSkewed(tagNames);
        if (!tags.includes(tag)) tags.push(tag);
      }
    }
    return {
      firstName,
      lastName,
      name,
      email: uniqueEmail(local || `contact${sequence}`, domain),
      phone: typedPhone(phone, random),
      phoneE164: phone.e164,
      country: country.code,
      company,
      tags,
      lifecycleStage: pickStage(random)[0],
      source: random.pickSkewed(sources),
      language: random.chance(0.8) ? country.language : (country.language.split("-")[0] ?? "en"),
      timezone: random.pick(country.timezones),
      culture: culture.key,
    };
  };
  return { companies, next };
}

function makeCompany(culture: Culture, random: Random, attempt: number): Company {
  const family = random.pickSkewed(culture.family);
  const [nameTemplate, domainTemplate] = random.pick(culture.companies);
  let name = nativeOf(family);
  let slug = asciiOf(family, culture.key);
  // Once the common names are taken, partners' names join ("Smith & Walsh"), then branch numbers.
  if (attempt >= culture.family.length * culture.companies.length) {
    const partner = random.pick(culture.family);
    name = `${name}${culture.separator === "" ? "" : "-"}${nativeOf(partner)}`;
    slug = `${slug}${asciiOf(partner, culture.key)}`;
  }
  if (attempt >= 10 * culture.family.length * culture.companies.length) {
    name = `${name} ${attempt}`;
    slug = `${slug}${attempt}`;
  }
  return {
    name: nameTemplate.replace("{family}", name),
    domain: domainTemplate.replace("{slug}", slug),
    industry: random.pick(industries),
    size: random.pickSkewed(companySizes),
  };
}

/** Any number of people, lazily. */
export function* generatePeople(options: { seed: number; count: number; companyCount?: number }) {
  const generator = createPeopleGenerator(options);
  for (let index = 0; index < options.count; index++) yield generator.next();
}

export const peopleCsvHeader = [
  "First Name",
  "Last Name",
  "Email",
  "Mobile Phone",
  "Company",
  "Tags",
  "Lifecycle Stage",
] as const;

const stageLabels: Record<LifecycleStage, string> = {
  subscriber: "Subscriber",
  lead: "Lead",
  qualified: "Qualified",
  customer: "Customer",
  churned: "Churned",
};

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record as a CRM export writes it: tags joined by ";", the stage by its label. */
export function personCsvRecord(person: Person): string {
  return [
    person.firstName,
    person.lastName,
    person.email,
    person.phone,
    person.company?.name ?? "",
    person.tags.join(";"),
    stageLabels[person.lifecycleStage],
  ]
    .map(csvField)
    .join(",");
}

/**
 * Streams `count` people to a CSV file as a spreadsheet would save a CRM export (UTF-8 with a byte
 * order mark, CRLF line ends), honouring back-pressure. Answers the rows and bytes written.
 */
export async function writePeopleCsv(
  file: string,
  options: { seed: number; count: number; companyCount?: number },
): Promise<{ rows: number; bytes: number }> {
  const stream = createWriteStream(file);
  const finished = once(stream, "finish");
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, "drain");
  };
  await write(`\uFEFF${peopleCsvHeader.map(csvField).join(",")}\r\n`);
  let chunk: string[] = [];
  for (const person of generatePeople(options)) {
    chunk.push(personCsvRecord(person));
    if (chunk.length === 1_000) {
      await write(`${chunk.join("\r\n")}\r\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(`${chunk.join("\r\n")}\r\n`);
  stream.end();
  await finished;
  return { rows: options.count, bytes };
}
