import { useQuery } from "@tanstack/react-query";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { membersQuery } from "../members/members-api";
import { meQuery } from "../session/me-query";

/** Who answers the conversation: any member, or nobody; `a` opens it from the keyboard. */
export function AssigneePicker({
  ref,
  assigneeId,
  disabled,
  onAssign,
}: {
  ref: Ref<HTMLSelectElement>;
  assigneeId: string | null;
  disabled: boolean;
  onAssign: (assigneeId: string | null) => void;
}) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery);
  const me = useQuery(meQuery);
  const myId = me.data?.caller.type === "user" ? me.data.caller.id : undefined;
  const known = members.data?.some((member) => member.userId === assigneeId) ?? false;
  return (
    <select
      ref={ref}
      aria-label={t("inbox.assignee.label")}
      value={assigneeId ?? ""}
      disabled={disabled || members.isPending}
      onChange={(event) => onAssign(event.target.value || null)}
      className="focus-ring max-w-44 rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm disabled:opacity-60"
    >
      <option value="">{t("inbox.assignee.none")}</option>
      {assigneeId && !known ? <option value={assigneeId}>{t("inbox.assignee.someone")}</option> : null}
      {(members.data ?? []).map((member) => (
        <option key={member.userId} value={member.userId}>
          {member.userId === myId ? t("inbox.assignee.me", { name: member.name }) : member.name}
        </option>
      ))}
    </select>
  );
}
