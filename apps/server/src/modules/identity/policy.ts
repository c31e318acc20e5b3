import type { Actor, Role } from "../../platform/actor.ts";
import { AppError } from "../../platform/http/errors.ts";

const roleRank: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

const minimumRole = {
  "organization.read": "member",
  "organization.update": "admin",
  "organization.delete": "owner",
  "apiKeys.read": "admin",
  "apiKeys.manage": "admin",
  "members.read": "member",
  "members.manage": "admin",
} as const satisfies Record<string, Role>;

export type IdentityAction = keyof typeof minimumRole;

export function can(actor: Actor, action: IdentityAction): boolean {
  return roleRank[actor.role] >= roleRank[minimumRole[action]];
}

/** Nobody hands out more power than they hold. */
export function canGrantRole(actor: Actor, role: Role): boolean {
  return roleRank[actor.role] >= roleRank[role];
}

export function assertCan(actor: Actor, action: IdentityAction): void {
  if (!can(actor, action)) {
    throw new AppError("forbidden", `Your role (${actor.role}) does not allow ${action}.`);
  }
}

/** The actions the web app may offer this caller, computed by the same rules the server enforces. */
export function presentPolicies(actor: Actor): Record<IdentityAction, boolean> {
  return Object.fromEntries(
    (Object.keys(minimumRole) as IdentityAction[]).map((action) => [action, can(actor, action)]),
  ) as Record<IdentityAction, boolean>;
}
