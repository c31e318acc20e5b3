import { useTranslation } from "react-i18next";
import { roles } from "./members-api";

export function useRoleOptions() {
  const { t } = useTranslation();
  return roles.map((role) => ({ value: role, label: t(`members.roles.${role}`) }));
}
