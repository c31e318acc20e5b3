import { parsePhoneNumberFromString } from "libphonenumber-js";

/** E.164 for a phone typed in any common international format, or undefined when it is not one. */
export function normalisePhone(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim());
  return parsed?.isValid() ? parsed.number : undefined;
}

/** The digits of a search term, to find phones however they were typed ("+33 6 12", "0612"). */
export function phoneDigits(input: string): string {
  return input.replaceAll(/\D/g, "");
}
