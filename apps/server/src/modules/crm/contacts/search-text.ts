import { phoneDigits } from "./phone.ts";

type Searchable = {
  name: string;
  email: string | null;
  otherEmails: string[];
  phone: string | null;
  otherPhones: string[];
};

/**
 * What the search box matches, one lower-cased text per contact under a trigram index: names,
 * emails and company as typed, phones as digits (so "+33 6 12", "33612" and "0612…" all find them).
 */
export function searchTextOf(contact: Searchable, companyName: string | null | undefined): string {
  const words = [contact.name, contact.email, ...contact.otherEmails, companyName].filter(Boolean).join(" ");
  const digits = [contact.phone, ...contact.otherPhones].filter((phone) => phone !== null).map(phoneDigits);
  return [words.toLowerCase(), ...digits].join(" ");
}
