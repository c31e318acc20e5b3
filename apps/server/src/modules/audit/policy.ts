import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/http/errors.ts";

/** The audit log is for owners and admins (and keys with those roles). */
export function assertCanReadAuditLog(actor: Actor): void {
  if (actor.role === "member")
    throw new AppError("forbidden", "Only owners and admins can read the audit log.");
}
