import type { Executor } from "../../../platform/db/client.ts";

/**
 * Where another module keeps personal data about a contact (messages, deals, campaign sends): the
 * GDPR export includes what `collect` answers under `other[name]`. Runs in the export's transaction.
 */
export type PersonalDataSource = {
  name: string;
  collect(tx: Executor, tenantId: string, contactId: string): Promise<unknown>;
};

/**
 * Removes or scrubs another module's personal data about a contact when it is erased; runs in the
 * erasure's transaction, before the contact row is deleted, so a failure erases nothing.
 */
export type PersonalDataEraser = {
  name: string;
  erase(tx: Executor, tenantId: string, contactId: string): Promise<void>;
};

/** What other modules register with the CRM; read at each call, so entries added later count too. */
export type PersonalDataRegistry = {
  personalDataSources?: readonly PersonalDataSource[];
  personalDataErasers?: readonly PersonalDataEraser[];
};
