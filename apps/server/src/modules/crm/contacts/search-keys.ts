import { getCountryCallingCode, isSupportedCountry } from "libphonenumber-js";
import { normalisePhone, phoneDigits } from "./phone.ts";

/** Scripts written without spaces between words: there a name's second word is its second character. */
const spaceless =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A search for phones needs this many digits; fewer match too many numbers to mean anything. */
const fewestPhoneDigits = 3;
const phoneLike = /^[\d\s()+\-./]+$/;

const reverse = (text: string) => [...text].reverse().join("");

/** Text as the search box compares it, on both sides: NFC, lower-cased, single spaces, trimmed. */
export function normaliseSearchText(text: string): string {
  return text.normalize("NFC").toLowerCase().replaceAll(/\s+/g, " ").trim();
}

export type ContactSearchKeys = {
  searchName: string;
  searchNameRest: string | null;
  emailDomain: string | null;
  phoneReversed: string | null;
};

/**
 * The columns the search box matches the start of, beside `email` and `phone`: the name, the name
 * from its second word (王小明 from its second character: 小明), the email's domain, and the phone's
 * digits reversed (a number found by its last digits).
 */
export function contactSearchKeys(contact: {
  name: string;
  email: string | null;
  phone: string | null;
}): ContactSearchKeys {
  const searchName = normaliseSearchText(contact.name);
  const space = searchName.indexOf(" ");
  const rest =
    space >= 0
      ? searchName.slice(space + 1)
      : spaceless.test(searchName)
        ? [...searchName].slice(1).join("")
        : "";
  return {
    searchName,
    searchNameRest: rest || null,
    emailDomain: contact.email?.split("@")[1] || null,
    phoneReversed: contact.phone ? reverse(phoneDigits(contact.phone)) : null,
  };
}

/** What a term typed into the search box is compared with: the starts of text keys, phones and phone endings. */
export type SearchPrefixes = { text: string; phones: string[]; phoneEndings: string[] };

/**
 * The prefixes of a search term: the text itself, and for a phone however typed ("+33 6 12",
 * "06 12 34" with the organisation's country, its last digits) the starts of E.164 numbers and the
 * reversed digits. Undefined for a term with nothing to look for.
 */
export function searchPrefixesOf(q: string, defaultCountry: string | null): SearchPrefixes | undefined {
  const text = normaliseSearchText(q);
  if (!text) return undefined;
  const digits = phoneDigits(q);
  if (!(phoneLike.test(text) && digits.length >= fewestPhoneDigits))
    return { text, phones: [], phoneEndings: [] };
  const phones = new Set([`+${digits}`]);
  if (!text.startsWith("+") && defaultCountry && isSupportedCountry(defaultCountry)) {
    // A national number typed with its trunk prefix ("06 12" in France) or without ("415 555").
    phones.add(`+${getCountryCallingCode(defaultCountry)}${digits.replace(/^0/, "")}`);
  }
  const e164 = normalisePhone(q, defaultCountry);
  if (e164) phones.add(e164);
  return { text, phones: [...phones], phoneEndings: [reverse(digits)] };
}
