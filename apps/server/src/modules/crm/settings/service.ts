import { isSupportedCountry } from "libphonenumber-js";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { AppError, notFound } from "../../../platform/http/errors.ts";
import { singlePage } from "../../../platform/http/pagination.ts";
import { newId } from "../../../platform/ids.ts";
import { removeCustomValue } from "../contacts/repo.ts";
import { assertCrm } from "../policy.ts";
import type { CreateCustomFieldInput, CustomFieldView, UpdateCustomFieldInput } from "./dto.ts";
import * as repo from "./repo.ts";

export type CrmSettingsService = ReturnType<typeof createCrmSettingsService>;

const present = (row: repo.CustomFieldRow): CustomFieldView => ({
  id: row.id,
  key: row.key,
  label: row.label,
  type: row.type,
  options: row.options,
  createdAt: row.createdAt.toISOString(),
});

/** Organisation-wide CRM configuration: the default phone country and custom contact fields. */
export function createCrmSettingsService(deps: { db: Db }) {
  const { db } = deps;
  return {
    getSettings: async (actor: Actor) => {
      const row = await withTenant(db, actor.tenantId, (tx) => repo.findSettings(tx, actor.tenantId));
      return { defaultCountry: row?.defaultCountry ?? null };
    },

    updateSettings: async (actor: Actor, input: { defaultCountry: string | null }) => {
      assertCrm(actor, "crm.configure");
      if (input.defaultCountry !== null && !isSupportedCountry(input.defaultCountry)) {
        throw new AppError(
          "validation",
          `${input.defaultCountry} is not a country with phone numbers we know.`,
          {
            errors: [{ field: "body.defaultCountry", message: "unknown country code" }],
          },
        );
      }
      return withTenant(db, actor.tenantId, async (tx) => {
        const before = await repo.findSettings(tx, actor.tenantId);
        const row = await repo.saveSettings(tx, actor.tenantId, input.defaultCountry);
        await recordAudit(tx, actor, {
          action: "crm.settings.update",
          targetType: "crm_settings",
          before: { defaultCountry: before?.defaultCountry ?? null },
          after: { defaultCountry: row.defaultCountry },
        });
        return { defaultCountry: row.defaultCountry };
      });
    },

    listCustomFields: async (actor: Actor) =>
      singlePage(
        (await withTenant(db, actor.tenantId, (tx) => repo.listCustomFields(tx, actor.tenantId))).map(
          present,
        ),
      ),

    createCustomField: async (actor: Actor, input: CreateCustomFieldInput) => {
      assertCrm(actor, "crm.configure");
      return withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.insertCustomField(tx, {
          tenantId: actor.tenantId,
          id: newId(),
          key: input.key,
          label: input.label,
          type: input.type,
          options: input.options ?? [],
        });
        if (!row) {
          throw new AppError("conflict", `A custom field with the key "${input.key}" exists already.`, {
            errors: [{ field: "body.key", message: "already used" }],
          });
        }
        await recordAudit(tx, actor, {
          action: "crm.custom_field.create",
          targetType: "custom_field",
          targetId: row.id,
          after: { key: row.key, label: row.label, type: row.type, options: row.options },
        });
        return present(row);
      });
    },

    updateCustomField: async (actor: Actor, id: string, input: UpdateCustomFieldInput) => {
      assertCrm(actor, "crm.configure");
      return withTenant(db, actor.tenantId, async (tx) => {
        const before = await repo.findCustomField(tx, actor.tenantId, id);
        if (!before) throw notFound("The custom field");
        if (input.options && !["select", "multi_select"].includes(before.type)) {
          throw new AppError("validation", "Only select fields have options.", {
            errors: [{ field: "body.options", message: `a ${before.type} field has no options` }],
          });
        }
        const after = (await repo.updateCustomField(tx, actor.tenantId, id, input)) ?? before;
        await recordAudit(tx, actor, {
          action: "crm.custom_field.update",
          targetType: "custom_field",
          targetId: id,
          before: { label: before.label, options: before.options },
          after: { label: after.label, options: after.options },
        });
        return present(after);
      });
    },

    /** Deletes the definition and every contact's value of it. */
    deleteCustomField: async (actor: Actor, id: string) => {
      assertCrm(actor, "crm.configure");
      await withTenant(db, actor.tenantId, async (tx) => {
        const before = await repo.findCustomField(tx, actor.tenantId, id);
        if (!before) throw notFound("The custom field");
        await repo.deleteCustomField(tx, actor.tenantId, id);
        await removeCustomValue(tx, actor.tenantId, before.key);
        await recordAudit(tx, actor, {
          action: "crm.custom_field.delete",
          targetType: "custom_field",
          targetId: id,
          before: { key: before.key, label: before.label, type: before.type },
        });
      });
    },
  };
}
