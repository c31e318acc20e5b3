import type { Actor } from "../../../platform/actor.ts";
import type { Executor } from "../../../platform/db/client.ts";
import { AppError } from "../../../platform/http/errors.ts";
import type { MemberCheck } from "../contacts/prepare.ts";
import { deleteContacts } from "../contacts/repo.ts";
import { assertCrm } from "../policy.ts";
import { findTag } from "../tags/repo.ts";
import { addTagToContacts, removeTagFromContacts } from "../tags/service.ts";
import { appendActivities } from "../timeline/activity.ts";
import type { BulkAction } from "./dto.ts";
import * as repo from "./repo.ts";

/** What an action needs that is looked up once, not per batch: the tag's name for the timeline. */
export type PreparedAction = { action: BulkAction; tag?: { id: string; name: string } };

/**
 * Checks the people side of an action, before any transaction opens (the member check runs its
 * own): deleting is for owners and admins, and a new owner must be a member.
 */
export async function checkBulkActor(actor: Actor, action: BulkAction, checkMembers: MemberCheck) {
  if (action.type === "delete") assertCrm(actor, "contacts.bulk_delete");
  if (action.type === "assign" && action.ownerId) {
    const members = await checkMembers(actor, [action.ownerId]);
    if (!members.has(action.ownerId)) {
      throw new AppError("validation", "The new owner is not a member of this organisation.", {
        errors: [{ field: "body.action.ownerId", message: "not a member of this organisation" }],
      });
    }
  }
}

/** Looks up once, not per batch, what an action refers to: its tag must be the organisation's. */
export async function prepareBulkAction(
  tx: Executor,
  tenantId: string,
  action: BulkAction,
): Promise<PreparedAction> {
  if (action.type !== "tag" && action.type !== "untag") return { action };
  const tag = await findTag(tx, tenantId, action.tagId);
  if (!tag) {
    throw new AppError("validation", "The tag does not exist.", {
      errors: [{ field: "body.action.tagId", message: "no such tag" }],
    });
  }
  return { action, tag: { id: tag.id, name: tag.name } };
}

/**
 * Applies a prepared action to contacts of the organisation, inside the caller's transaction (the
 * tenant filter of every statement makes other organisations' ids change nothing). Answers how many
 * contacts actually changed: one already tagged, or already in the stage, is left as it is.
 */
export async function applyBulkAction(
  tx: Executor,
  tenantId: string,
  actorId: string | null,
  prepared: PreparedAction,
  contactIds: string[],
): Promise<number> {
  const { action, tag } = prepared;
  switch (action.type) {
    case "tag":
    case "untag": {
      const change = action.type === "tag" ? addTagToContacts : removeTagFromContacts;
      return (await change(tx, tenantId, actorId, contactIds, tag as { id: string; name: string })).length;
    }
    case "assign":
      return (await repo.assignOwner(tx, tenantId, contactIds, action.ownerId)).length;
    case "stage": {
      const moved = await repo.changeLifecycleStage(tx, tenantId, contactIds, action.lifecycleStage);
      await appendActivities(
        tx,
        tenantId,
        moved.map((contact) => ({
          contactId: contact.id,
          kind: "contact.stage_changed",
          summary: `Lifecycle stage changed from ${contact.from} to ${action.lifecycleStage}`,
          data: { from: contact.from, to: action.lifecycleStage },
          actorId,
        })),
      );
      return moved.length;
    }
    case "delete":
      await deleteContacts(tx, tenantId, contactIds);
      return contactIds.length;
  }
}
