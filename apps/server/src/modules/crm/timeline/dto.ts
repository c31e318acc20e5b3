import { z } from "zod";

export const activitySchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe("What happened: contact.created, note.added, tag.added, consent.changed, …"),
    summary: z.string(),
    data: z.record(z.string(), z.unknown()),
    actorId: z.uuid().nullable().describe("The member who did it, if a member did"),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Activity" });

export const timelineParams = z.strictObject({ id: z.uuid() });

export type ActivityView = z.infer<typeof activitySchema>;
