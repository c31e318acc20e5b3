import { z } from "zod";
import { pageQuery } from "../../../platform/http/pagination.ts";

export const companySizes = ["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+"] as const;

const hostname = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

const companyFields = {
  name: z.string().trim().min(1).max(200),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(hostname, "a host name such as example.com, without https:// or a path")
    .nullable()
    .optional()
    .describe("The company's web domain, unique in the organisation; answered lower-cased"),
  industry: z.string().trim().max(100).nullable().optional(),
  size: z.enum(companySizes).nullable().optional().describe("Number of employees"),
};

export const createCompanyBody = z.strictObject(companyFields);
export const updateCompanyBody = z.strictObject({ ...companyFields, name: companyFields.name.optional() });

const companyShape = {
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.enum(companySizes).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
};

export const companySchema = z.object(companyShape).meta({ id: "Company" });
export const companyDetailSchema = z
  .object({ ...companyShape, contactCount: z.number().int().describe("Contacts linked to the company") })
  .meta({ id: "CompanyDetail" });

export const companyQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(200).optional().describe("Part of the name or domain"),
});

export const companyParams = z.strictObject({ id: z.uuid() });

export type CreateCompanyInput = z.infer<typeof createCompanyBody>;
export type UpdateCompanyInput = z.infer<typeof updateCompanyBody>;
export type CompanyView = z.infer<typeof companySchema>;
export type CompanyDetailView = z.infer<typeof companyDetailSchema>;
export type CompanyQuery = z.infer<typeof companyQuery>;
