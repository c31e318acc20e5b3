import { useCallback, useState } from "react";
import { defaultColumnIds } from "./contact-columns";

const storageKey = (organizationId: string) => `sbos.contacts.columns.${organizationId}`;

function readStored(organizationId: string): string[] | undefined {
  try {
    const stored = JSON.parse(window.localStorage.getItem(storageKey(organizationId)) ?? "null");
    return Array.isArray(stored) && stored.every((id) => typeof id === "string") ? stored : undefined;
  } catch {
    return undefined;
  }
}

function writeStored(organizationId: string, ids: string[] | undefined): void {
  try {
    if (ids) window.localStorage.setItem(storageKey(organizationId), JSON.stringify(ids));
    else window.localStorage.removeItem(storageKey(organizationId));
  } catch {
    // Private windows may refuse storage; the choice then lasts until the page is left.
  }
}

/**
 * Which columns the list shows, remembered per organisation in this browser. The name column always
 * shows; a custom field that was deleted simply drops out.
 */
export function useColumnPreferences(organizationId: string) {
  const [chosen, setChosen] = useState<string[]>(() => readStored(organizationId) ?? defaultColumnIds);

  const update = useCallback(
    (ids: string[] | undefined) => {
      const next = ids ?? defaultColumnIds;
      setChosen(next);
      writeStored(organizationId, ids);
    },
    [organizationId],
  );

  const toggle = useCallback(
    (id: string) => {
      if (id === "name") return;
      update(chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id]);
    },
    [chosen, update],
  );

  return { chosen, toggle, reset: () => update(undefined) };
}
