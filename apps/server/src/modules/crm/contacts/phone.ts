import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";

/** E.164 for a phone typed in international format, or in national format of `defaultCountry`; undefined when invalid. */
export function normalisePhone(input: string, defaultCountry?: string | null): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), {
    defaultCountry: (defaultCountry ?? undefined) as CountryCode | undefined,
  });
  return parsed?.isValid() ? parsed.number : undefined;
}

/** The digits of a search term, to find phones however they were typed ("+33 6 12", "0612"). */
export function phoneDigits(input: string): string {
  return input.replaceAll(/\D/g, "");
}
