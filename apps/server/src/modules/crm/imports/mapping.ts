import type { FieldError } from "../../../platform/http/errors.ts";
import { consentChannels } from "../tables.ts";

/** Targets one column at most may fill. */
export const singleTargets = [
  "name",
  "firstName",
  "lastName",
  "email",
  "phone",
  "company",
  "lifecycleStage",
  "source",
  "language",
  "timezone",
] as const;
/** Targets any number of columns may fill: their values are added together. */
export const listTargets = ["emails", "phones", "tags"] as const;
export const identityTargets = ["name", "firstName", "lastName", "email", "phone"] as const;
export const consentTargets = consentChannels.map((channel) => `consent.${channel}` as const);

export type ImportMapping = Record<string, string>;
type CustomFieldLabel = { key: string; label: string };

/** Lower-case ASCII letters and digits only: "E-mail Address", "e_mail address" and "EMAIL ADDRESS" agree. */
export function compactHeader(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replaceAll("ß", "ss")
    .replace(/[^a-z0-9]+/g, "");
}

const words = (list: string) => list.split(" ");

/** Headers as exported by Google, Outlook, LinkedIn, Thunderbird, HubSpot…, in English, French, Spanish and German. */
const synonyms: [target: string, rank: number, headers: string[]][] = [
  [
    "name",
    0,
    words(
      "name fullname displayname contactname contact customername clientname nomcomplet nometprenom prenometnom nomducontact nombrecompleto nombreyapellidos nombredelcontacto vollstandigername kontaktname",
    ),
  ],
  [
    "firstName",
    0,
    words("firstname first givenname forename prenom prenoms nombre nombres primernombre vorname"),
  ],
  [
    "lastName",
    0,
    words("lastname last surname familyname nom nomdefamille apellido apellidos nachname familienname"),
  ],
  [
    "email",
    0,
    words(
      "email emailaddress mail emailadresse mailadresse courriel adressecourriel adresseemail adressemail adresseelectronique correo correoelectronico direcciondecorreo direcciondecorreoelectronico primaryemail",
    ),
  ],
  [
    "email",
    1,
    words(
      "secondaryemail otheremail workemail businessemail personalemail homeemail emailpro emailprofessionnel emailpersonnel",
    ),
  ],
  [
    "phone",
    0,
    words(
      "phone phonenumber telephone telephonenumber tel mobile mobilephone mobilenumber mobilephonenumber cell cellphone cellular cellnumber primaryphone whatsapp whatsappnumber portable telephoneportable numerodetelephone numerodeportable mobil handy handynummer mobilnummer mobiltelefon telefon telefonnummer telefono numerodetelefono movil celular telefonomovil",
    ),
  ],
  [
    "phone",
    1,
    words(
      "workphone homephone businessphone otherphone officephone companymainphone carphone telephonefixe telephonetravail telephonedomicile telefonofijo telefonotrabajo festnetz telefongeschaftlich telefonprivat",
    ),
  ],
  [
    "company",
    0,
    words(
      "company companyname organization organisation organizationname organisationname org account accountname businessname employer entreprise nomdelentreprise societe raisonsociale empresa nombredelaempresa compania organizacion firma firmenname unternehmen",
    ),
  ],
  [
    "lifecycleStage",
    0,
    words(
      "lifecyclestage lifecycle stage contactstage customerstage cycledevie etapeducycledevie etape etapa etapadelciclodevida lebenszyklusphase lebenszyklus phase",
    ),
  ],
  [
    "source",
    0,
    words("source leadsource originalsource origin origine sourcedulead fuente origen quelle herkunft"),
  ],
  [
    "language",
    0,
    words("language lang locale preferredlanguage langue languepreferee idioma sprache bevorzugtesprache"),
  ],
  ["timezone", 0, words("timezone tz fuseauhoraire zonahoraria zeitzone")],
  [
    "tags",
    0,
    words(
      "tags tag labels label etiquettes etiquette etiquetas etiqueta schlagworter schlagwort stichworter categories category kategorien",
    ),
  ],
  [
    "consent.email",
    0,
    words(
      "emailconsent emailoptin optinemail consentemail emailmarketing acceptsemailmarketing marketingemails newsletter emailsubscription consentementemail",
    ),
  ],
  [
    "consent.sms",
    0,
    words("smsconsent smsoptin optinsms consentsms smsmarketing acceptssmsmarketing consentementsms"),
  ],
  [
    "consent.whatsapp",
    0,
    words(
      "whatsappconsent whatsappoptin optinwhatsapp consentwhatsapp whatsappmarketing acceptswhatsappmarketing consentementwhatsapp",
    ),
  ],
];

const dictionary = new Map<string, { target: string; rank: number }>();
for (const [target, rank, headers] of synonyms) {
  for (const header of headers) dictionary.set(header, { target, rank });
}

/**
 * What a header most likely holds, and how primary it is (0 primary, 1 further): numbered variants
 * like "E-mail 2 Address" or "Phone 1 - Value" count as the family with the number, 1 primary.
 */
function guessColumn(header: string, custom: Map<string, string>) {
  const compact = compactHeader(header);
  const customKey = custom.get(compact);
  if (customKey) return { target: `custom.${customKey}`, rank: 0 };
  const number = /\d+/.exec(compact);
  const base = compact.replace(/\d+/g, "").replace(/value$/, "");
  const entry = dictionary.get(number ? base : compact) ?? dictionary.get(base);
  if (!entry) return undefined;
  return { target: entry.target, rank: entry.rank + (number && Number(number[0]) > 1 ? 1 : 0) };
}

/**
 * The mapping proposed on upload: each column to its most likely target, or `ignore`. Single
 * targets go to the most primary column (then the first); the other email and phone columns
 * become further emails and phones.
 */
export function guessMapping(columns: string[], customFields: CustomFieldLabel[]): ImportMapping {
  const custom = new Map<string, string>();
  for (const field of customFields) {
    custom.set(compactHeader(field.label), field.key);
    custom.set(compactHeader(field.key), field.key);
  }
  const guesses = columns.map((column, index) => ({ column, index, ...guessColumn(column, custom) }));
  const mapping: ImportMapping = Object.fromEntries(columns.map((column) => [column, "ignore"]));
  const ranked = guesses
    .filter((guess) => guess.target !== undefined)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.index - b.index);
  const taken = new Set<string>();
  for (const guess of ranked) {
    const target = guess.target as string;
    if ((listTargets as readonly string[]).includes(target)) mapping[guess.column] = target;
    else if (!taken.has(target)) {
      taken.add(target);
      mapping[guess.column] = target;
    } else if (target === "email" || target === "phone") mapping[guess.column] = `${target}s`;
  }
  return mapping;
}

/** Whether `target` is something a column can be imported into, given the organisation's custom field keys. */
export function isImportTarget(target: string, customKeys: ReadonlySet<string>): boolean {
  if (target === "ignore") return true;
  if ((singleTargets as readonly string[]).includes(target)) return true;
  if ((listTargets as readonly string[]).includes(target)) return true;
  if ((consentTargets as readonly string[]).includes(target)) return true;
  return target.startsWith("custom.") && customKeys.has(target.slice("custom.".length));
}

const targetHint = `one of ${[...singleTargets, ...listTargets, ...consentTargets].join(", ")}, custom.<key> or ignore`;

/** Every problem of a mapping, each naming `body.mapping.<column>`; empty when it can be imported. */
export function checkMapping(
  mapping: ImportMapping,
  columns: readonly string[],
  customKeys: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(columns);
  const firstColumnOf = new Map<string, string>();
  for (const [column, target] of Object.entries(mapping)) {
    const field = `body.mapping.${column}`;
    if (!known.has(column)) errors.push({ field, message: "no such column in the file" });
    else if (!isImportTarget(target, customKeys)) {
      errors.push({
        field,
        message: target.startsWith("custom.")
          ? `no custom field with the key ${target.slice("custom.".length)}`
          : `unknown target; expected ${targetHint}`,
      });
    } else if (target !== "ignore" && !(listTargets as readonly string[]).includes(target)) {
      const other = firstColumnOf.get(target);
      if (other !== undefined) errors.push({ field, message: `${target} is already mapped from "${other}"` });
      else firstColumnOf.set(target, column);
    }
  }
  if (!identityTargets.some((target) => firstColumnOf.has(target))) {
    errors.push({
      field: "body.mapping",
      message: "map at least one column to name, firstName, lastName, email or phone",
    });
  }
  return errors;
}

/** Each mapped target with the indexes of its columns, in file order; ignored columns left out. */
export function compileMapping(mapping: ImportMapping, columns: readonly string[]): Map<string, number[]> {
  const compiled = new Map<string, number[]>();
  columns.forEach((column, index) => {
    const target = mapping[column];
    if (target === undefined || target === "ignore") return;
    compiled.set(target, [...(compiled.get(target) ?? []), index]);
  });
  return compiled;
}
