import { useQuery } from "@tanstack/react-query";
import { meQuery } from "../session/me-query";

/** The inbox's actions reserved to owners and admins on the server (its `policy.ts`). */
type InboxAction = "channels.manage" | "templates.manage" | "canned_replies.manage";

/**
 * Whether the signed-in person may do `action`, so the page hides what the server would refuse:
 * the server's `can` when `/me` lists the action, otherwise the same rule, owners and admins.
 */
export function useInboxPermission(action: InboxAction): boolean {
  const me = useQuery(meQuery);
  return me.data?.can[action] ?? (me.data !== undefined && me.data.role !== "member");
}
