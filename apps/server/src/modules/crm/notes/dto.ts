import { z } from "zod";

const noteBody = z.string().trim().min(1).max(20_000).describe("Markdown");
const mentions = z
  .array(z.uuid())
  .max(50)
  .describe("User ids of members mentioned in the note; each must be a member of the organisation");

export const createNoteBody = z.strictObject({ body: noteBody, mentions: mentions.optional() });
export const updateNoteBody = z.strictObject({ body: noteBody.optional(), mentions: mentions.optional() });

export const noteSchema = z
  .object({
    id: z.uuid(),
    contactId: z.uuid(),
    authorId: z.uuid().nullable().describe("The member who wrote it; null when written with an API key"),
    body: z.string(),
    mentions: z.array(z.uuid()),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Note" });

export const contactNoteParams = z.strictObject({ id: z.uuid() });
export const noteParams = z.strictObject({ id: z.uuid(), noteId: z.uuid() });

export type CreateNoteInput = z.infer<typeof createNoteBody>;
export type UpdateNoteInput = z.infer<typeof updateNoteBody>;
export type NoteView = z.infer<typeof noteSchema>;
