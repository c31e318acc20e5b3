import type { Actor } from "../../platform/actor.ts";

/** Every member works with contacts; deleting them (GDPR erasure included) is for admins and owners. */
export function canDeleteContacts(actor: Actor): boolean {
  return actor.role !== "member";
}
