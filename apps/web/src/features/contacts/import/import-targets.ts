import type { TFunction } from "i18next";
import type { CustomField } from "../contacts-api";

export type TargetOption = { value: string; label: string };
export type TargetGroup = { label: string; options: TargetOption[] };

const contactTargets = [
  "name",
  "firstName",
  "lastName",
  "email",
  "emails",
  "phone",
  "phones",
  "company",
  "lifecycleStage",
  "source",
  "language",
  "timezone",
  "tags",
] as const;
const consentChannels = ["whatsapp", "email", "sms"] as const;

/** Targets that hold one value: two columns cannot both fill them. */
const listTargets = new Set(["emails", "phones", "tags", "ignore"]);
export const isSingleTarget = (target: string) => !listTargets.has(target);

/** What a CSV column can be imported into, grouped for the mapping's selects. */
export function importTargetGroups(t: TFunction, customFields: readonly CustomField[]): TargetGroup[] {
  const groups: TargetGroup[] = [
    {
      label: t("contacts.import.targets.contactGroup"),
      options: contactTargets.map((target) => ({
        value: target,
        label: t(`contacts.import.targets.${target}`),
      })),
    },
    {
      label: t("contacts.import.targets.consentGroup"),
      options: consentChannels.map((channel) => ({
        value: `consent.${channel}`,
        label: t("contacts.filter.consentOn", { channel: t(`contacts.consent.channels.${channel}`) }),
      })),
    },
  ];
  if (customFields.length > 0) {
    groups.push({
      label: t("contacts.import.targets.customGroup"),
      options: customFields.map((field) => ({ value: `custom.${field.key}`, label: field.label })),
    });
  }
  return groups;
}

/** The label of a target, for the preview's header; a target the page does not know shows as it is. */
export function targetLabel(groups: readonly TargetGroup[], target: string, ignoreLabel: string): string {
  if (target === "ignore") return ignoreLabel;
  for (const group of groups) {
    const found = group.options.find((option) => option.value === target);
    if (found) return found.label;
  }
  return target;
}
