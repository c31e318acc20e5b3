/** Product areas in sidebar order; each gets a route at `/<area>`. */
export const areas = [
  "inbox",
  "contacts",
  "pipeline",
  "publishing",
  "campaigns",
  "ads",
  "analytics",
  "settings",
] as const;

export type Area = (typeof areas)[number];
