import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import {
  contactCountSchema,
  contactParams,
  contactQuery,
  contactSchema,
  contactSelection,
  createContactBody,
  duplicateSchema,
  mergeContactsBody,
  updateContactBody,
} from "./dto.ts";
import type { ContactMerger } from "./merge.ts";
import type { ContactService } from "./service.ts";

const tags = ["crm"];

export function registerContactRoutes(app: ZodApp, service: ContactService, merger: ContactMerger) {
  app.post(
    "/api/v1/contacts",
    {
      schema: {
        tags,
        summary: "Create a contact",
        body: createContactBody,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createContact(requireActor(request), request.body)),
  );

  app.post(
    "/api/v1/contacts/upsert",
    {
      schema: {
        tags,
        summary: "Create a contact, or update the one with the same phone (else email)",
        description:
          "Answers 201 when it created the contact, 200 when it updated one. A new phone or email joins the existing contact's further ones.",
        body: createContactBody,
        response: { 200: contactSchema, 201: contactSchema },
      },
    },
    async (request, reply) => {
      const { contact, created } = await service.upsertContact(requireActor(request), request.body);
      return reply.code(created ? 201 : 200).send(contact);
    },
  );

  app.get(
    "/api/v1/contacts",
    {
      schema: {
        tags,
        summary: "List, search, filter and sort contacts",
        description:
          "`q` searches; `filter` is a ContactFilter as JSON (fields, operators, AND/OR groups); `segmentId` limits to a segment; `sort`/`order` choose the order. Keyset pages.",
        querystring: contactQuery,
        response: { 200: pageOf(contactSchema) },
      },
    },
    (request) => service.listContacts(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/contacts/count",
    {
      schema: {
        tags,
        summary: "How many contacts match a search, filter or segment",
        querystring: contactSelection,
        response: { 200: contactCountSchema },
      },
    },
    (request) => service.countContacts(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/contacts/:id",
    { schema: { tags, summary: "One contact", params: contactParams, response: { 200: contactSchema } } },
    (request) => service.getContact(requireActor(request), request.params.id),
  );

  app.patch(
    "/api/v1/contacts/:id",
    {
      schema: {
        tags,
        summary: "Change a contact",
        params: contactParams,
        body: updateContactBody,
        response: { 200: contactSchema },
      },
    },
    (request) => service.updateContact(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/contacts/:id",
    {
      schema: {
        tags,
        summary: "Delete a contact (owners and admins)",
        params: contactParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteContact(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/contacts/:id/duplicates",
    {
      schema: {
        tags,
        summary: "Likely duplicates of a contact",
        description: "Contacts sharing a normalised phone or email with this one, or with a similar name.",
        params: contactParams,
        response: { 200: pageOf(duplicateSchema) },
      },
    },
    (request) => merger.findDuplicates(requireActor(request), request.params.id),
  );

  app.post(
    "/api/v1/contacts/:id/merge",
    {
      schema: {
        tags,
        summary: "Merge duplicates into this contact",
        description:
          "Empty fields take the duplicates' values; their emails and phones are kept as further ones; tags, notes, timeline, consent and other modules' records (conversations, deals) move here; the duplicates are deleted.",
        params: contactParams,
        body: mergeContactsBody,
        response: { 200: contactSchema },
      },
    },
    (request) => merger.mergeContacts(requireActor(request), request.params.id, request.body.contactIds),
  );
}
