import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../platform/actor.ts";
import { type DomainEvent, subscribeEvents } from "../../../platform/events.ts";
import { newId } from "../../../platform/ids.ts";
import { createWorker } from "../../../platform/queue/worker.ts";
import { createTestTenant, silentLogger, startTestApp, type TestApp } from "../../../test/harness.ts";
import type { ContactFilter } from "../filter/filter-dto.ts";
import { createBulkService } from "./service.ts";

let harness: TestApp;
let tenantId: string;
let ownerId: string;
let admin: Record<string, string>;
let member: Record<string, string>;

beforeAll(async () => {
  harness = await startTestApp();
  const signUp = await harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    payload: {
      email: `bulk-${newId()}@example.com`,
      password: "a long enough password",
      name: "Bulk Owner",
      organizationName: "Bulk Org",
    },
  });
  const { user, organization } = signUp.json();
  tenantId = organization.id;
  ownerId = user.id;
  const keyOf = async (role: "admin" | "member") => {
    const { key } = await harness.modules.identity.issueApiKey(
      { tenantId, role: "owner" },
      { name: role, role },
    );
    return { authorization: `Bearer ${key}` };
  };
  admin = await keyOf("admin");
  member = await keyOf("member");
});
afterAll(() => harness.close());

const call = (method: "GET" | "POST", url: string, payload?: object, headers = admin) =>
  harness.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const bulk = (payload: object, headers = admin) => call("POST", "/api/v1/contacts/bulk", payload, headers);
const createContact = async (fields: object, headers = admin) => {
  const response = await call("POST", "/api/v1/contacts", fields, headers);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; updatedAt: string };
};
const getContact = async (id: string) => (await call("GET", `/api/v1/contacts/${id}`)).json();
const kindsOf = async (id: string) =>
  (await call("GET", `/api/v1/contacts/${id}/timeline`))
    .json()
    .data.map((entry: { kind: string }) => entry.kind);
const auditOf = async (action: string) =>
  (await call("GET", `/api/v1/audit-events?action=${action}`)).json().data as {
    targetType: string;
    changes: Record<string, { to: unknown }>;
  }[];
const bySource = (source: string): ContactFilter => ({
  match: "all",
  conditions: [{ field: "source", operator: "eq", value: source }],
});

describe("bulk actions on listed contacts", () => {
  it("tags, untags, assigns and moves them in one go, with one audit entry per call", async () => {
    const [first, second, third] = [
      await createContact({ name: "Bulk One" }),
      await createContact({ name: "Bulk Two" }),
      await createContact({ name: "Bulk Three" }),
    ];
    const other = await createTestTenant(harness.modules, "admin");
    const foreign = await createContact({ name: "Someone else's" }, other.headers);
    const tag = (await call("POST", "/api/v1/tags", { name: "Bulk VIP" })).json();

    const tagged = await bulk({
      action: { type: "tag", tagId: tag.id },
      contactIds: [first.id, second.id, foreign.id],
    });
    expect(tagged.statusCode).toBe(200);
    expect(tagged.json()).toEqual({ status: "completed", processed: 2 });
    const firstTagged = await getContact(first.id);
    expect(firstTagged.tags.map((entry: { name: string }) => entry.name)).toEqual(["Bulk VIP"]);
    expect(firstTagged.updatedAt > first.updatedAt).toBe(true);
    expect(await kindsOf(first.id)).toContain("tag.added");
    expect((await getContact(third.id)).tags).toEqual([]);
    expect(
      (await harness.app.inject({ url: `/api/v1/contacts/${foreign.id}`, headers: other.headers })).json()
        .tags,
    ).toEqual([]);

    expect((await bulk({ action: { type: "untag", tagId: tag.id }, contactIds: [first.id] })).json()).toEqual(
      {
        status: "completed",
        processed: 1,
      },
    );
    expect((await getContact(first.id)).tags).toEqual([]);
    expect((await getContact(second.id)).tags).toHaveLength(1);

    const assigned = await bulk(
      { action: { type: "assign", ownerId }, contactIds: [first.id, third.id] },
      member,
    );
    expect(assigned.json()).toEqual({ status: "completed", processed: 2 });
    expect((await getContact(third.id)).ownerId).toBe(ownerId);
    await bulk({ action: { type: "assign", ownerId: null }, contactIds: [third.id] });
    expect((await getContact(third.id)).ownerId).toBeNull();
    const stranger = await bulk({ action: { type: "assign", ownerId: newId() }, contactIds: [first.id] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([{ field: "body.action.ownerId", message: expect.any(String) }]);

    const before = await getContact(second.id);
    const moved = await bulk({
      action: { type: "stage", lifecycleStage: "customer" },
      contactIds: [first.id, second.id],
    });
    expect(moved.json()).toEqual({ status: "completed", processed: 2 });
    const after = await getContact(second.id);
    expect(after.lifecycleStage).toBe("customer");
    expect(after.updatedAt > before.updatedAt).toBe(true);
    await bulk({ action: { type: "stage", lifecycleStage: "customer" }, contactIds: [first.id, second.id] });
    const stageChanges = (await kindsOf(second.id)).filter(
      (kind: string) => kind === "contact.stage_changed",
    );
    expect(stageChanges).toHaveLength(1);

    const audits = await auditOf("contact.bulk_stage");
    expect(audits).toHaveLength(2);
    expect(audits[0]?.changes).toMatchObject({ count: { to: 2 }, changed: { to: 0 } });
    expect(audits[1]?.changes).toMatchObject({ count: { to: 2 }, changed: { to: 2 } });
  });

  it("lets only owners and admins delete", async () => {
    const doomed = await createContact({ name: "Doomed" });
    const refused = await bulk({ action: { type: "delete" }, contactIds: [doomed.id] }, member);
    expect(refused.statusCode).toBe(403);
    expect((await call("GET", `/api/v1/contacts/${doomed.id}`)).statusCode).toBe(200);
    const refusedSelection = await bulk({ action: { type: "delete" }, selection: {} }, member);
    expect(refusedSelection.statusCode).toBe(403);

    const deleted = await bulk({ action: { type: "delete" }, contactIds: [doomed.id] });
    expect(deleted.json()).toEqual({ status: "completed", processed: 1 });
    expect((await call("GET", `/api/v1/contacts/${doomed.id}`)).statusCode).toBe(404);
  });

  it("answers 400 naming the field for a body it cannot run", async () => {
    const contact = await createContact({ name: "Bad Body" });
    const fieldsOf = async (payload: object) => {
      const response = await bulk(payload);
      expect(response.statusCode).toBe(400);
      return response.json().errors.map((error: { field: string }) => error.field);
    };
    const stage = { type: "stage", lifecycleStage: "lead" };
    expect(await fieldsOf({ action: stage })).toEqual(["body.selection"]);
    expect(await fieldsOf({ action: stage, contactIds: [contact.id], selection: {} })).toEqual([
      "body.selection",
    ]);
    expect(
      await fieldsOf({ action: stage, contactIds: Array.from({ length: 1_001 }, () => contact.id) }),
    ).toEqual(["body.contactIds"]);
    expect((await fieldsOf({ action: { type: "explode" }, contactIds: [contact.id] }))[0]).toMatch(
      /^body\.action/,
    );
    expect(await fieldsOf({ action: { type: "tag", tagId: newId() }, contactIds: [contact.id] })).toEqual([
      "body.action.tagId",
    ]);
    const unknownField = { match: "all", conditions: [{ field: "shoeSize", operator: "eq", value: 1 }] };
    expect((await fieldsOf({ action: stage, selection: { filter: unknownField } }))[0]).toMatch(
      /^body\.selection\.filter/,
    );
    expect((await getContact(contact.id)).lifecycleStage).toBe("lead");
  });
});

describe("bulk actions on a selection", () => {
  it("runs as a job that reports its progress and ends completed", async () => {
    const ids = [];
    for (let index = 0; index < 5; index += 1)
      ids.push((await createContact({ name: `Campaign ${index}`, source: "campaign-x" })).id);
    const untouched = await createContact({ name: "Not in campaign", source: "other" });
    const events: DomainEvent[] = [];
    const stop = await subscribeEvents(harness.database, (event) => events.push(event));

    const queued = await bulk({
      action: { type: "stage", lifecycleStage: "qualified" },
      selection: { filter: bySource("campaign-x") },
    });
    expect(queued.statusCode).toBe(202);
    const operation = queued.json();
    expect(operation).toMatchObject({ status: "queued", total: 5, processed: 0, finishedAt: null });

    const worker = createWorker({
      database: harness.database,
      logger: silentLogger,
      concurrency: 2,
      registrations: harness.modules.modules.flatMap((module) => module.jobs ?? []),
    });
    await worker.start();
    try {
      await expect
        .poll(async () => (await call("GET", `/api/v1/contacts/bulk/${operation.id}`)).json().status, {
          timeout: 10_000,
        })
        .toBe("completed");
    } finally {
      await worker.stop(1_000);
      await stop();
    }
    const finished = (await call("GET", `/api/v1/contacts/bulk/${operation.id}`)).json();
    expect(finished).toMatchObject({ processed: 5, total: 5, failure: null });
    expect(finished.finishedAt).not.toBeNull();
    for (const id of ids) expect((await getContact(id)).lifecycleStage).toBe("qualified");
    expect((await getContact(untouched.id)).lifecycleStage).toBe("lead");
    const progress = events
      .filter((event) => event.type === "crm.bulk.progress" && event.data.operationId === operation.id)
      .map((event) => event.data);
    expect(progress.at(-1)).toEqual({
      operationId: operation.id,
      processed: 5,
      total: 5,
      status: "completed",
    });
    const audits = await auditOf("contact.bulk_stage");
    expect(audits[0]).toMatchObject({
      targetType: "bulk_operation",
      changes: { count: { to: 5 }, selection: { to: { filter: bySource("campaign-x") } } },
    });
    expect((await call("GET", `/api/v1/contacts/bulk/${newId()}`)).statusCode).toBe(404);
  });

  it("deletes a selection batch by batch to the end, counting every batch", async () => {
    const service = createBulkService({
      db: harness.database.db,
      checkMembers: harness.modules.members.findMemberIds,
      batchSize: 2,
    });
    const actor: Actor = { tenantId, role: "admin" };
    for (let index = 0; index < 5; index += 1)
      await createContact({ name: `Leaving ${index}`, source: "leaving" });
    const staying = await createContact({ name: "Staying", source: "staying" });
    const events: DomainEvent[] = [];
    const stop = await subscribeEvents(harness.database, (event) => events.push(event));

    const outcome = await service.bulkContacts(actor, {
      action: { type: "delete" },
      selection: { filter: bySource("leaving") },
    });
    if (outcome.kind !== "queued") throw new Error("expected a queued operation");
    await service.runOperation(tenantId, outcome.operation.id);
    await expect
      .poll(() => events.filter((event) => event.data.status === "completed").length)
      .toBeGreaterThan(0);
    await stop();

    const processed = events
      .filter(
        (event) => event.type === "crm.bulk.progress" && event.data.operationId === outcome.operation.id,
      )
      .map((event) => [event.data.status, event.data.processed]);
    expect(processed).toEqual([
      ["queued", 0],
      ["running", 0],
      ["running", 2],
      ["running", 4],
      ["completed", 5],
    ]);
    const count = await call(
      "GET",
      `/api/v1/contacts/count?filter=${encodeURIComponent(JSON.stringify(bySource("leaving")))}`,
    );
    expect(count.json()).toEqual({ count: 0 });
    expect((await getContact(staying.id)).name).toBe("Staying");

    // Running it again (a retried job) changes nothing.
    await service.runOperation(tenantId, outcome.operation.id);
    expect((await service.getOperation(actor, outcome.operation.id)).processed).toBe(5);
  });
});
