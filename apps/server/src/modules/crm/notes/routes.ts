import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf, pageQuery } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { contactNoteParams, createNoteBody, noteParams, noteSchema, updateNoteBody } from "./dto.ts";
import type { NoteService } from "./service.ts";

const tags = ["crm"];

export function registerNoteRoutes(app: ZodApp, service: NoteService) {
  app.get(
    "/api/v1/contacts/:id/notes",
    {
      schema: {
        tags,
        summary: "The contact's notes, newest first",
        params: contactNoteParams,
        querystring: pageQuery,
        response: { 200: pageOf(noteSchema) },
      },
    },
    (request) => service.listNotes(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/api/v1/contacts/:id/notes",
    {
      schema: {
        tags,
        summary: "Add a note to a contact",
        description: "A mention of someone who is not a member is a 400 naming `body.mentions.N`.",
        params: contactNoteParams,
        body: createNoteBody,
        response: { 201: noteSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createNote(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/api/v1/contacts/:id/notes/:noteId",
    {
      schema: {
        tags,
        summary: "Change a note (its author, owners and admins)",
        params: noteParams,
        body: updateNoteBody,
        response: { 200: noteSchema },
      },
    },
    (request) =>
      service.updateNote(requireActor(request), request.params.id, request.params.noteId, request.body),
  );

  app.delete(
    "/api/v1/contacts/:id/notes/:noteId",
    {
      schema: {
        tags,
        summary: "Delete a note (its author, owners and admins)",
        params: noteParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteNote(requireActor(request), request.params.id, request.params.noteId);
      return reply.code(204).send();
    },
  );
}
