import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { membersQuery } from "../members/members-api";

/** A member's name by user id, for assignees and the authors of replies and notes. */
export function useMemberNames(): (userId: string) => string | undefined {
  const members = useQuery(membersQuery);
  const names = useMemo(
    () => new Map((members.data ?? []).map((member) => [member.userId, member.name])),
    [members.data],
  );
  return useCallback((userId: string) => names.get(userId), [names]);
}
