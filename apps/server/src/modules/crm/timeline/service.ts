import type { Actor } from "../../../platform/actor.ts";
import type { Db } from "../../../platform/db/client.ts";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { notFound } from "../../../platform/http/errors.ts";
import { decodeIdCursor, type Page, type PageQuery, toPage } from "../../../platform/http/pagination.ts";
import { findContact } from "../contacts/repo.ts";
import type { ActivityView } from "./dto.ts";
import * as repo from "./repo.ts";

export type TimelineService = ReturnType<typeof createTimelineService>;

const present = (row: repo.ActivityRow): ActivityView => ({
  id: row.id,
  kind: row.kind,
  summary: row.summary,
  data: row.data,
  actorId: row.actorId,
  occurredAt: row.occurredAt.toISOString(),
});

/** Reading a contact's timeline; writing to it is `appendActivities` (activity.ts), inside the change's transaction. */
export function createTimelineService(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** The contact's activities, newest first, keyset-paged. */
    listTimeline: (actor: Actor, contactId: string, query: PageQuery): Promise<Page<ActivityView>> =>
      withTenant(db, actor.tenantId, async (tx) => {
        if (!(await findContact(tx, actor.tenantId, contactId))) throw notFound("The contact");
        const rows = await repo.listActivities(tx, actor.tenantId, contactId, {
          beforeId: decodeIdCursor(query.cursor),
          limit: query.limit + 1,
        });
        return toPage(rows, query.limit, present, (row) => row.id);
      }),
  };
}
