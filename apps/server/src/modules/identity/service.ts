import type { Actor, Role } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/client.ts";
import { withTenant } from "../../platform/db/tenancy.ts";
import { publishEvent } from "../../platform/events.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../platform/http/pagination.ts";
import { newId } from "../../platform/ids.ts";
import { enqueue } from "../../platform/queue/enqueue.ts";
import type { ApiKeyView, CreateApiKeyInput, OrganizationChanges } from "./dto.ts";
import { apiKeyCreated, apiKeyRevoked, organizationDeleted, organizationSecurityChanged } from "./events.ts";
import { eraseOrganizationJob } from "./jobs.ts";
import { insertOrganization } from "./organization-factory.ts";
import { assertCan, canGrantRole, presentPolicies } from "./policy.ts";
import * as repo from "./repo.ts";
import { generateTenantToken } from "./tenant-token.ts";
import { findUser } from "./user-repo.ts";

export type IdentityService = ReturnType<typeof createIdentityService>;

export function createIdentityService(deps: { db: Db }) {
  const { db } = deps;

  return {
    /** Who is calling: the user or API key, its organisation and role. */
    describeCaller: async (actor: Actor) => {
      assertCan(actor, "organization.read");
      const [organization, user] = await Promise.all([
        withTenant(db, actor.tenantId, (tx) => repo.findOrganization(tx, actor.tenantId)),
        actor.userId ? findUser(db, actor.userId) : undefined,
      ]);
      if (!organization) throw notFound("The organisation");
      return {
        caller: user
          ? { type: "user" as const, id: user.id, name: user.name, email: user.email }
          : { type: "api_key" as const, id: actor.apiKeyId ?? "" },
        organization: { id: organization.id, slug: organization.slug, name: organization.name },
        role: actor.role,
        can: presentPolicies(actor),
        security: {
          twoFactorEnabled: user ? user.twoFactorEnabledAt !== null : null,
          organizationRequiresTwoFactor: organization.requireTwoFactor,
        },
      };
    },

    listApiKeys: async (actor: Actor, page: PageQuery): Promise<Page<ApiKeyView>> => {
      assertCan(actor, "apiKeys.read");
      const afterId = decodeCursor(page.cursor);
      const rows = await withTenant(db, actor.tenantId, (tx) =>
        repo.listApiKeys(tx, actor.tenantId, { afterId, limit: page.limit }),
      );
      return toPage(rows, page.limit, presentApiKey, (row) => row.id);
    },

    /** Creates a key and returns its secret, which is never shown again. */
    createApiKey: async (actor: Actor, input: CreateApiKeyInput) => {
      assertCan(actor, "apiKeys.manage");
      if (!canGrantRole(actor, input.role)) {
        throw new AppError(
          "forbidden",
          `Your role (${actor.role}) cannot create a key with role ${input.role}.`,
        );
      }
      return withTenant(db, actor.tenantId, (tx) => issueApiKey(tx, actor, input));
    },

    revokeApiKey: async (actor: Actor, apiKeyId: string): Promise<ApiKeyView> => {
      assertCan(actor, "apiKeys.manage");
      return withTenant(db, actor.tenantId, async (tx) => {
        const existing = await repo.findApiKey(tx, actor.tenantId, apiKeyId);
        if (!existing) throw notFound("The API key");
        const revoked = (await repo.markApiKeyRevoked(tx, actor.tenantId, apiKeyId)) ?? existing;
        await recordAudit(tx, actor, {
          action: "api_key.revoke",
          targetType: "api_key",
          targetId: apiKeyId,
          before: { revokedAt: existing.revokedAt },
          after: { revokedAt: revoked.revokedAt },
        });
        await publishEvent(tx, { type: apiKeyRevoked, tenantId: actor.tenantId, data: { apiKeyId } });
        return presentApiKey(revoked);
      });
    },

    /** Renames the organisation or changes its two-factor requirement (owners and admins). */
    updateOrganization: async (actor: Actor, changes: OrganizationChanges) => {
      assertCan(actor, "organization.update");
      return withTenant(db, actor.tenantId, async (tx) => {
        const before = await repo.findOrganization(tx, actor.tenantId);
        if (!before) throw notFound("The organisation");
        const after = await repo.updateOrganization(tx, actor.tenantId, changes);
        await recordAudit(tx, actor, {
          action: "organization.update",
          targetType: "organization",
          targetId: actor.tenantId,
          before: { name: before.name, requireTwoFactor: before.requireTwoFactor },
          after: { name: after.name, requireTwoFactor: after.requireTwoFactor },
        });
        if (changes.requireTwoFactor !== undefined) {
          await publishEvent(tx, { type: organizationSecurityChanged, tenantId: actor.tenantId, data: {} });
        }
        return { id: after.id, slug: after.slug, name: after.name, requireTwoFactor: after.requireTwoFactor };
      });
    },

    /**
     * Deletes the organisation (owners only, confirmed by typing its slug): nobody gets in from
     * this moment, and a job enqueued in the same transaction erases its data.
     */
    deleteOrganization: async (actor: Actor, confirm: string) => {
      assertCan(actor, "organization.delete");
      await withTenant(db, actor.tenantId, async (tx) => {
        const organization = await repo.findOrganization(tx, actor.tenantId);
        if (!organization) throw notFound("The organisation");
        if (confirm !== organization.slug) {
          throw new AppError(
            "validation",
            `Type the organisation's slug (${organization.slug}) to confirm.`,
            {
              errors: [{ field: "body.confirm", message: "does not match the slug" }],
            },
          );
        }
        await repo.updateOrganization(tx, actor.tenantId, { deletedAt: new Date() });
        await recordAudit(tx, actor, {
          action: "organization.delete",
          targetType: "organization",
          targetId: actor.tenantId,
        });
        await enqueue(tx, eraseOrganizationJob, { tenantId: actor.tenantId });
        await publishEvent(tx, {
          type: organizationDeleted,
          tenantId: actor.tenantId,
          data: { tenantId: actor.tenantId },
        });
      });
    },

    /** Creates an organisation without members (API-only tenants, tests). */
    createOrganization: (input: { name: string; slug?: string }) => insertOrganization(db, input),

    findOrganizationBySlug: (slug: string) => repo.findOrganizationBySlug(db, slug),

    /** Every tenant, for per-tenant fan-out of recurring jobs. */
    listOrganizationIds: () => repo.listOrganizationIds(db),

    /** Issues a key as the system, for operators' CLI and the demo seed. */
    issueApiKey: (actor: Actor, input: { name: string; role: Role }) =>
      withTenant(db, actor.tenantId, (tx) => issueApiKey(tx, actor, input)),
  };
}

async function issueApiKey(
  tx: Parameters<typeof repo.insertApiKey>[0],
  actor: Actor,
  input: { name: string; role: Role },
) {
  const { token, secretHash, visiblePrefix } = generateTenantToken("sbos", actor.tenantId);
  const row = await repo.insertApiKey(tx, {
    tenantId: actor.tenantId,
    id: newId(),
    name: input.name,
    role: input.role,
    secretHash,
    visiblePrefix,
  });
  await recordAudit(tx, actor, {
    action: "api_key.create",
    targetType: "api_key",
    targetId: row.id,
    after: { name: row.name, role: row.role },
  });
  await publishEvent(tx, { type: apiKeyCreated, tenantId: actor.tenantId, data: { apiKeyId: row.id } });
  return { ...presentApiKey(row), key: token };
}

function presentApiKey(row: repo.ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.visiblePrefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
