import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf, pageQuery } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import { contactSchema } from "../contacts/dto.ts";
import {
  companyDetailSchema,
  companyParams,
  companyQuery,
  companySchema,
  createCompanyBody,
  updateCompanyBody,
} from "./dto.ts";
import type { CompanyService } from "./service.ts";

const tags = ["crm"];

export function registerCompanyRoutes(app: ZodApp, service: CompanyService) {
  app.post(
    "/api/v1/companies",
    {
      schema: {
        tags,
        summary: "Create a company",
        description: "A domain another company of the organisation has is a 409 naming `body.domain`.",
        body: createCompanyBody,
        response: { 201: companySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createCompany(requireActor(request), request.body)),
  );

  app.get(
    "/api/v1/companies",
    {
      schema: {
        tags,
        summary: "List companies by name, optionally searching name and domain",
        querystring: companyQuery,
        response: { 200: pageOf(companySchema) },
      },
    },
    (request) => service.listCompanies(requireActor(request), request.query),
  );

  app.get(
    "/api/v1/companies/:id",
    {
      schema: {
        tags,
        summary: "One company, with its number of contacts",
        params: companyParams,
        response: { 200: companyDetailSchema },
      },
    },
    (request) => service.getCompany(requireActor(request), request.params.id),
  );

  app.patch(
    "/api/v1/companies/:id",
    {
      schema: {
        tags,
        summary: "Change a company",
        params: companyParams,
        body: updateCompanyBody,
        response: { 200: companySchema },
      },
    },
    (request) => service.updateCompany(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/companies/:id",
    {
      schema: {
        tags,
        summary: "Delete a company (owners and admins); its contacts stay, without a company",
        params: companyParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await service.deleteCompany(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/companies/:id/contacts",
    {
      schema: {
        tags,
        summary: "The company's contacts, newest first",
        params: companyParams,
        querystring: pageQuery,
        response: { 200: pageOf(contactSchema) },
      },
    },
    (request) => service.listCompanyContacts(requireActor(request), request.params.id, request.query),
  );
}
