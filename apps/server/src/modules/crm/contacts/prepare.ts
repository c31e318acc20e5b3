import type { Actor } from "../../../platform/actor.ts";
import type { Executor } from "../../../platform/db/client.ts";
import { AppError, type FieldError } from "../../../platform/http/errors.ts";
import { mergeCustomValues, validateCustomValues } from "../settings/custom-values.ts";
import { listCustomFields } from "../settings/repo.ts";
import type { CreateContactInput, UpdateContactInput } from "./dto.ts";
import { normalisePhone } from "./phone.ts";
import { type ContactChanges, type ContactRow, findCompanyNames } from "./repo.ts";

export type MemberCheck = (actor: Actor, userIds: string[]) => Promise<Set<string>>;

const phoneHint = "not a valid phone number: use the international format (+33 6 12 34 56 78)";

const e164Shape = /^\+[1-9]\d{6,14}$/;

/**
 * Primary and further phones in E.164; every invalid one is named. A `trusted` primary phone (a
 * WhatsApp wa_id: the platform knows the number exists) is kept in E.164 shape even where
 * libphonenumber does not know its range yet.
 */
function normalisePhones(
  input: UpdateContactInput,
  defaultCountry: string | null,
  errors: FieldError[],
  trusted: boolean,
) {
  const out: Pick<ContactChanges, "phone" | "phoneAsEntered" | "otherPhones"> = {};
  if (input.phone !== undefined) {
    const known = input.phone === null ? null : normalisePhone(input.phone, defaultCountry);
    const e164 =
      known === undefined && trusted && input.phone && e164Shape.test(input.phone) ? input.phone : known;
    if (e164 === undefined) errors.push({ field: "body.phone", message: phoneHint });
    out.phone = e164 ?? null;
    out.phoneAsEntered = input.phone;
  }
  if (input.phones !== undefined) {
    const others: string[] = [];
    input.phones.forEach((phone, index) => {
      const e164 = normalisePhone(phone, defaultCountry);
      if (e164 === undefined) errors.push({ field: `body.phones.${index}`, message: phoneHint });
      else if (!others.includes(e164)) others.push(e164);
    });
    out.otherPhones = others;
  }
  return out;
}

/**
 * The column changes for a create or an update, every value checked: phones normalised with the
 * organisation's default country, custom fields against their definitions, the owner a member and
 * the company one of the organisation's. All problems are reported together as one 400.
 */
export async function prepareContactChanges(
  tx: Executor,
  actor: Actor,
  input: CreateContactInput | UpdateContactInput,
  context: {
    defaultCountry: string | null;
    checkMembers: MemberCheck;
    current?: ContactRow;
    trustedPhone?: boolean;
  },
): Promise<ContactChanges> {
  const errors: FieldError[] = [];
  const changes: ContactChanges = {
    ...normalisePhones(input, context.defaultCountry, errors, context.trustedPhone ?? false),
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.email === undefined ? {} : { email: input.email }),
    ...(input.emails === undefined ? {} : { otherEmails: [...new Set(input.emails)] }),
    ...(input.lifecycleStage === undefined ? {} : { lifecycleStage: input.lifecycleStage }),
    ...(input.source === undefined ? {} : { source: input.source || null }),
    ...(input.language === undefined ? {} : { language: input.language }),
    ...(input.timezone === undefined ? {} : { timezone: input.timezone || null }),
    ...(input.avatarUrl === undefined ? {} : { avatarUrl: input.avatarUrl }),
  };
  if (input.timezone && !isTimeZone(input.timezone)) {
    errors.push({ field: "body.timezone", message: "not an IANA time zone such as Europe/Paris" });
  }
  if (input.ownerId) {
    const members = await context.checkMembers(actor, [input.ownerId]);
    if (!members.has(input.ownerId))
      errors.push({ field: "body.ownerId", message: "not a member of this organisation" });
  }
  if (input.ownerId !== undefined) changes.ownerId = input.ownerId;
  if (input.companyId) {
    const names = await findCompanyNames(tx, actor.tenantId, [input.companyId]);
    if (!names.has(input.companyId)) errors.push({ field: "body.companyId", message: "no such company" });
  }
  if (input.companyId !== undefined) changes.companyId = input.companyId;
  if (input.customFields !== undefined) {
    try {
      const definitions = await listCustomFields(tx, actor.tenantId);
      const accepted = validateCustomValues(definitions, input.customFields, "body.customFields");
      changes.customFields = mergeCustomValues(context.current?.customFields ?? {}, accepted);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...(error.extras.errors ?? []));
    }
  }
  // A further phone or email equal to the primary one is not kept twice.
  const phone = changes.phone === undefined ? context.current?.phone : changes.phone;
  if (changes.otherPhones) changes.otherPhones = changes.otherPhones.filter((other) => other !== phone);
  const email = changes.email === undefined ? context.current?.email : changes.email;
  if (changes.otherEmails) changes.otherEmails = changes.otherEmails.filter((other) => other !== email);
  if (errors.length > 0) {
    throw new AppError(
      "validation",
      `The contact is not valid: ${errors.map((error) => error.field).join(", ")}.`,
      {
        errors,
      },
    );
  }
  return changes;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
