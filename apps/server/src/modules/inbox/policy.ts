import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/http/errors.ts";

export type InboxAction = "channels.manage" | "templates.manage" | "canned_replies.manage";

/** Every member answers conversations; connecting numbers and managing templates is for admins and owners. */
export function canInbox(actor: Actor, _action: InboxAction): boolean {
  return actor.role !== "member";
}

const refusals: Record<InboxAction, string> = {
  "channels.manage": "Only owners and admins can connect, change or disconnect WhatsApp numbers.",
  "templates.manage": "Only owners and admins can create or sync message templates.",
  "canned_replies.manage": "Only owners and admins can change canned replies.",
};

export function assertInbox(actor: Actor, action: InboxAction): void {
  if (!canInbox(actor, action)) throw new AppError("forbidden", refusals[action]);
}
