import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db, Executor } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { publishEvent } from "../../../platform/events.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import {
  decodeIdCursor,
  decodeSortCursor,
  encodeSortCursor,
  invalidCursor,
  type Page,
  type PageQuery,
  toPage,
} from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import type { ContactView } from "../contacts/dto.ts";
import { presentContacts } from "../contacts/present.ts";
import { normaliseSearchText } from "../contacts/search-keys.ts";
import { assertCrm } from "../policy.ts";
import type {
  CompanyDetailView,
  CompanyQuery,
  CompanyView,
  CreateCompanyInput,
  UpdateCompanyInput,
} from "./dto.ts";
import * as repo from "./repo.ts";

export type CompanyService = ReturnType<typeof createCompanyService>;

const present = (row: repo.CompanyRow): CompanyView => ({
  id: row.id,
  name: row.name,
  domain: row.domain,
  industry: row.industry,
  size: row.size as CompanyView["size"],
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const audited = (row: repo.CompanyRow) => ({
  name: row.name,
  domain: row.domain,
  industry: row.industry,
  size: row.size,
});

const domainTaken = (domain: string) =>
  new AppError("conflict", `A company with the domain ${domain} exists already.`, {
    errors: [{ field: "body.domain", message: "already used by another company" }],
  });

/** Companies sort by name, which is never null. */
function decodeNamePosition(cursor: string | undefined) {
  const position = decodeSortCursor(cursor);
  if (position && position.value === null) throw invalidCursor();
  return position && { name: position.value as string, id: position.id };
}

/** Companies contacts work at: domain unique per organisation, name part of their contacts' search. */
export function createCompanyService(deps: { db: Db }) {
  const { db } = deps;

  async function loadCompany(tx: Executor, actor: Actor, id: string) {
    const row = await repo.findCompany(tx, actor.tenantId, id);
    if (!row) throw notFound("The company");
    return row;
  }

  return {
    /** Creates a company; a domain another company of the organisation has is a 409. */
    createCompany: (actor: Actor, input: CreateCompanyInput): Promise<CompanyView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.insertCompany(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          name: input.name,
          searchName: normaliseSearchText(input.name),
          domain: input.domain ?? null,
          industry: input.industry || null,
          size: input.size ?? null,
        });
        if (!row) throw domainTaken(input.domain ?? "");
        await recordAudit(tx, actor, {
          action: "company.create",
          targetType: "company",
          targetId: row.id,
          after: audited(row),
        });
        await publishEvent(tx, {
          type: "crm.company.created",
          tenantId: actor.tenantId,
          data: { companyId: row.id },
        });
        return present(row);
      }),

    /** Companies in name order, keyset-paged; `q` matches part of the name or domain. */
    listCompanies: (actor: Actor, query: CompanyQuery): Promise<Page<CompanyView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const rows = await repo.listCompanies(tx, actor.tenantId, {
          q: query.q,
          after: decodeNamePosition(query.cursor),
          limit: query.limit + 1,
        });
        const page = toPage(rows, query.limit, present, (row) => row.id);
        const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
        return { ...page, nextCursor: last ? encodeSortCursor(last.name, last.id) : null };
      }),

    /** One company with the number of its contacts. */
    getCompany: (actor: Actor, id: string): Promise<CompanyDetailView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const row = await loadCompany(tx, actor, id);
        return { ...present(row), contactCount: await repo.countCompanyContacts(tx, actor.tenantId, id) };
      }),

    /** Changes a company; the search box finds its contacts by the new name at once. */
    updateCompany: (actor: Actor, id: string, input: UpdateCompanyInput): Promise<CompanyView> =>
      withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadCompany(tx, actor, id);
        if (input.domain && (await repo.isDomainTaken(tx, actor.tenantId, input.domain, id)))
          throw domainTaken(input.domain);
        const after =
          (await repo.updateCompany(tx, actor.tenantId, id, {
            ...(input.name === undefined
              ? {}
              : { name: input.name, searchName: normaliseSearchText(input.name) }),
            ...(input.domain === undefined ? {} : { domain: input.domain }),
            ...(input.industry === undefined ? {} : { industry: input.industry || null }),
            ...(input.size === undefined ? {} : { size: input.size }),
          })) ?? before;
        await recordAudit(tx, actor, {
          action: "company.update",
          targetType: "company",
          targetId: id,
          before: audited(before),
          after: audited(after),
        });
        await publishEvent(tx, {
          type: "crm.company.updated",
          tenantId: actor.tenantId,
          data: { companyId: id },
        });
        return present(after);
      }),

    /** Deletes a company (owners and admins); its contacts stay, without a company. */
    deleteCompany: async (actor: Actor, id: string) => {
      assertCrm(actor, "companies.delete");
      await withTenant(db, actor.tenantId, async (tx) => {
        const before = await loadCompany(tx, actor, id);
        await repo.unlinkCompanyContacts(tx, actor.tenantId, id);
        await repo.deleteCompany(tx, actor.tenantId, id);
        await recordAudit(tx, actor, {
          action: "company.delete",
          targetType: "company",
          targetId: id,
          before: audited(before),
        });
        await publishEvent(tx, {
          type: "crm.company.deleted",
          tenantId: actor.tenantId,
          data: { companyId: id },
        });
      });
    },

    /** The company's contacts, newest first, keyset-paged. */
    listCompanyContacts: (actor: Actor, id: string, query: PageQuery): Promise<Page<ContactView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        await loadCompany(tx, actor, id);
        const rows = await repo.listCompanyContacts(tx, actor.tenantId, id, {
          beforeId: decodeIdCursor(query.cursor),
          limit: query.limit + 1,
        });
        const page = toPage(
          rows,
          query.limit,
          (row) => row,
          (row) => row.id,
        );
        return { data: await presentContacts(tx, actor.tenantId, page.data), nextCursor: page.nextCursor };
      }),
  };
}
