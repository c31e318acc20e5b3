import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/http/errors.ts";

export type CrmAction =
  | "contacts.delete"
  | "contacts.erase"
  | "crm.configure"
  | "contacts.bulk_delete"
  | "companies.delete"
  | "tags.delete"
  | "notes.moderate";

/** Every member works with contacts; deleting, erasing and configuring the CRM is for admins and owners. */
export function canCrm(actor: Actor, _action: CrmAction): boolean {
  return actor.role !== "member";
}

const refusals: Record<CrmAction, string> = {
  "contacts.delete": "Only owners and admins can delete contacts.",
  "contacts.bulk_delete": "Only owners and admins can delete contacts.",
  "contacts.erase": "Only owners and admins can erase a contact's personal data.",
  "crm.configure": "Only owners and admins can change custom fields and CRM settings.",
  "companies.delete": "Only owners and admins can delete companies.",
  "tags.delete": "Only owners and admins can delete tags.",
  "notes.moderate": "Only the note's author, owners and admins can change or delete a note.",
};

export function assertCrm(actor: Actor, action: CrmAction): void {
  if (!canCrm(actor, action)) throw new AppError("forbidden", refusals[action]);
}
