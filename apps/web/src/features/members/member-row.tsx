import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../lib/problem";
import { meQuery } from "../session/me-query";
import { formatDate } from "./format-date";
import { InlineAlert } from "./inline-alert";
import { changeMemberRole, type Member, membersQuery, type Role, removeMember } from "./members-api";
import { useRoleOptions } from "./use-role-options";

export function MemberRow({ member, canManage }: { member: Member; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  // The caller's own permissions change when their role or membership does.
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: membersQuery.queryKey });
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };
  const changingRole = useMutation({ mutationFn: changeMemberRole, onSuccess: refresh });
  const removing = useMutation({ mutationFn: removeMember, onSuccess: refresh });
  const busy = changingRole.isPending || removing.isPending;
  const problem = problemOf(changingRole.error ?? removing.error);

  function handleRemove() {
    if (!window.confirm(t("members.confirmRemove", { name: member.name }))) return;
    changingRole.reset();
    removing.mutate(member.userId);
  }

  return (
    <tr className="border-t border-neutral-200 align-top">
      <td className="py-2 pe-4 font-medium text-neutral-900">{member.name}</td>
      <td className="py-2 pe-4 text-neutral-700">{member.email}</td>
      <td className="py-2 pe-4">
        {canManage ? (
          <select
            aria-label={t("members.roleOf", { name: member.name })}
            value={member.role}
            disabled={busy}
            onChange={(event) => {
              removing.reset();
              changingRole.mutate({ userId: member.userId, role: event.target.value as Role });
            }}
            className="focus-ring rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm"
          >
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <span data-testid="member-role">{t(`members.roles.${member.role}`)}</span>
        )}
        <InlineAlert message={problem?.detail} />
      </td>
      <td className="py-2 pe-4 text-neutral-700">{formatDate(member.joinedAt, i18n.language)}</td>
      {canManage ? (
        <td className="py-2 text-end">
          <button
            type="button"
            onClick={handleRemove}
            disabled={busy}
            aria-label={t("members.removeNamed", { name: member.name })}
            className="focus-ring rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 disabled:opacity-60"
          >
            {removing.isPending ? t("members.removing") : t("members.remove")}
          </button>
        </td>
      ) : null}
    </tr>
  );
}
