import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../platform/db/tenancy.ts";
import { type DomainEvent, subscribeEvents } from "../../../platform/events.ts";
import { createWorker, type Worker } from "../../../platform/queue/worker.ts";
import {
  createTestTenant,
  silentLogger,
  startTestApp,
  type TestApp,
  type TestTenant,
} from "../../../test/harness.ts";
import type { ContactView } from "../contacts/dto.ts";
import { runImport, runImportJob } from "./jobs.ts";
import { updateImport } from "./repo.ts";

let harness: TestApp;
let tenant: TestTenant;
let worker: Worker;
const events: DomainEvent[] = [];
let unsubscribe: () => Promise<void>;

beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
  const registrations = harness.modules.modules
    .flatMap((module) => module.jobs ?? [])
    .filter((registration) => registration.type.name === runImportJob.name);
  worker = createWorker({
    database: harness.database,
    logger: silentLogger,
    registrations,
    concurrency: 2,
    pollIntervalMs: 100,
  });
  await worker.start();
  unsubscribe = await subscribeEvents(harness.database, (event) => {
    if (event.tenantId === tenant.tenantId) events.push(event);
  });
  await call("PATCH", "/api/v1/crm/settings", { defaultCountry: "FR" });
  await call("POST", "/api/v1/contact-fields", {
    key: "plan",
    label: "Plan",
    type: "select",
    options: ["free", "pro"],
  });
});
afterAll(async () => {
  await unsubscribe();
  await worker.stop(5_000);
  await harness.close();
});

async function call(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
  headers = tenant.headers,
) {
  return harness.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

const upload = (body: string | Buffer, fileName = "contacts.csv", headers = tenant.headers) =>
  harness.app.inject({
    method: "POST",
    url: `/api/v1/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...headers, "content-type": "text/csv" },
    payload: body,
  });

async function waitForImport(id: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const current = (await call("GET", `/api/v1/imports/${id}`)).json();
    if (current.status === "completed" || current.status === "failed") return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

async function importFile(body: string, mode: "create" | "upsert", mapping?: Record<string, string>) {
  const uploaded = await upload(body);
  expect(uploaded.statusCode).toBe(201);
  const started = await call("POST", `/api/v1/imports/${uploaded.json().id}/start`, { mode, mapping });
  expect(started.statusCode).toBe(202);
  return waitForImport(uploaded.json().id);
}

/** Puts an import in the queued state without enqueueing its job (what a crash leaves behind). */
async function queueWithoutJob(id: string, mapping: Record<string, string>) {
  await withTenant(harness.database.db, tenant.tenantId, (tx) =>
    updateImport(tx, tenant.tenantId, id, { status: "queued", mapping, mode: "upsert" }, ["uploaded"]),
  );
}

const importCount = async () => (await call("GET", "/api/v1/imports?limit=200")).json().data.length;
const contactCount = async () => (await call("GET", "/api/v1/contacts/count")).json().count as number;
const findContacts = async (q: string) =>
  (await call("GET", `/api/v1/contacts?q=${encodeURIComponent(q)}`)).json().data as ContactView[];
async function findContact(q: string): Promise<ContactView> {
  const found = await findContacts(q);
  expect(found, `contacts matching ${q}`).toHaveLength(1);
  return found[0] as ContactView;
}

// Semicolons, a byte order mark, French headers, a quoted newline, CRLF; row 3 has a bad phone,
// row 4 repeats row 1's phone, row 5 a plan that is not an option.
const frenchFile = [
  "\ufeffPrénom;Nom;E-mail;Téléphone;Société;Étiquettes;Plan;WhatsApp opt-in;Notes",
  'Jean;Dupont;jean.dupont@example.com;06 12 34 56 78;ACME;vip, nouveau;pro;oui;"Rencontré au salon\nà Lyon"',
  "Léa;Martin;lea.martin@example.com;+33 6 98 76 54 32;acme;vip;free;non;",
  "Paul;Erreur;paul@example.com;123;;;;;",
  "Jean;Dupont;jean.pro@example.com;+33612345678;;;;;",
  "Zoé;Faux;zoe@example.com;+33 7 11 22 33 44;;;gold;;",
].join("\r\n");

describe("CSV import", () => {
  let firstImportId: string;

  it("uploads a file and answers its columns, rows, preview and a suggested mapping", async () => {
    const response = await upload(frenchFile, "salon.csv");
    expect(response.statusCode).toBe(201);
    const created = response.json();
    firstImportId = created.id;
    expect(created).toMatchObject({
      status: "uploaded",
      fileName: "salon.csv",
      delimiter: ";",
      rowCount: 5,
      columns: [
        "Prénom",
        "Nom",
        "E-mail",
        "Téléphone",
        "Société",
        "Étiquettes",
        "Plan",
        "WhatsApp opt-in",
        "Notes",
      ],
      suggestedMapping: {
        Prénom: "firstName",
        Nom: "lastName",
        "E-mail": "email",
        Téléphone: "phone",
        Société: "company",
        Étiquettes: "tags",
        Plan: "custom.plan",
        "WhatsApp opt-in": "consent.whatsapp",
        Notes: "ignore",
      },
      mapping: null,
      counts: { processed: 0, created: 0, updated: 0, skipped: 0, failed: 0 },
    });
    expect(created.preview).toHaveLength(5);
    expect(created.preview[0][8]).toBe("Rencontré au salon\nà Lyon");
    const again = (await call("GET", `/api/v1/imports/${created.id}`)).json();
    expect(again.preview).toEqual(created.preview);
  });

  it("dry-runs: counts what would happen and names the failing rows, writing nothing", async () => {
    const before = await contactCount();
    const response = await call("POST", `/api/v1/imports/${firstImportId}/dry-run`, { mode: "upsert" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      rows: 5,
      wouldCreate: 2,
      wouldUpdate: 1,
      wouldSkip: 0,
      wouldFail: 2,
      errors: [
        { rowNumber: 3, reason: "phone: not a valid phone number" },
        { rowNumber: 5, reason: expect.stringMatching(/^custom\.plan: expected one of: free, pro/) },
      ],
    });
    const createMode = (
      await call("POST", `/api/v1/imports/${firstImportId}/dry-run`, { mode: "create" })
    ).json();
    expect(createMode).toMatchObject({ wouldCreate: 2, wouldUpdate: 0, wouldSkip: 1, wouldFail: 2 });
    expect(await contactCount()).toBe(before);
  });

  it("refuses a mapping with an unknown target, or without a name, email or phone, naming the field", async () => {
    const unknown = await call("POST", `/api/v1/imports/${firstImportId}/dry-run`, {
      mode: "upsert",
      mapping: { "E-mail": "mail", Nom: "name" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { field: "body.mapping.E-mail", message: expect.stringMatching(/unknown target/) },
    ]);
    const noIdentity = await call("POST", `/api/v1/imports/${firstImportId}/start`, {
      mode: "upsert",
      mapping: { Société: "company" },
    });
    expect(noIdentity.statusCode).toBe(400);
    expect(noIdentity.json().errors[0].field).toBe("body.mapping");
    expect((await call("GET", `/api/v1/imports/${firstImportId}`)).json().status).toBe("uploaded");
  });

  it("imports in the background: one bad row fails alone, a repeated phone updates, progress is published", async () => {
    const started = await call("POST", `/api/v1/imports/${firstImportId}/start`, { mode: "upsert" });
    expect(started.statusCode).toBe(202);
    expect(started.json().status).toBe("queued");
    expect(
      (await call("POST", `/api/v1/imports/${firstImportId}/start`, { mode: "upsert" })).statusCode,
    ).toBe(409);
    const done = await waitForImport(firstImportId);
    expect(done).toMatchObject({
      status: "completed",
      mode: "upsert",
      counts: { processed: 5, created: 2, updated: 1, skipped: 0, failed: 2 },
      finishedAt: expect.any(String),
    });

    const jean = await findContact("+33612345678");
    expect(jean).toMatchObject({
      name: "Jean Dupont",
      email: "jean.dupont@example.com",
      emails: ["jean.pro@example.com"],
      phone: "+33612345678",
      phoneAsEntered: "06 12 34 56 78",
      customFields: { plan: "pro" },
      company: { name: "ACME" },
    });
    expect(jean.tags.map((tag) => tag.name).sort()).toEqual(["nouveau", "vip"]);
    const lea = await findContact("lea.martin@example.com");
    expect(lea.company?.id).toBe(jean.company?.id);
    expect(await findContacts("paul@example.com")).toEqual([]);
    expect(await findContacts("ACME")).toHaveLength(2);

    const consent = (await call("GET", `/api/v1/contacts/${jean.id}/consent`)).json();
    expect(consent.channels.find((entry: { channel: string }) => entry.channel === "whatsapp")).toMatchObject(
      {
        status: "opted_in",
        method: "import",
      },
    );
    const leaConsent = (await call("GET", `/api/v1/contacts/${lea.id}/consent`)).json();
    expect(
      leaConsent.channels.find((entry: { channel: string }) => entry.channel === "whatsapp").status,
    ).toBe("opted_out");

    const progress = events.filter(
      (event) => event.type === "crm.import.progress" && event.data.importId === firstImportId,
    );
    expect(progress.at(-1)?.data).toEqual({
      importId: firstImportId,
      processed: 5,
      total: 5,
      created: 2,
      updated: 1,
      skipped: 0,
      failed: 2,
      status: "completed",
    });
    const audit = (
      await call("GET", `/api/v1/audit-events?action=contact.import&targetId=${firstImportId}`)
    ).json();
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0].changes).toMatchObject({
      created: { to: 2 },
      updated: { to: 1 },
      failed: { to: 2 },
    });
  });

  it("downloads the failed rows as CSV with their row number and reason", async () => {
    const response = await call("GET", `/api/v1/imports/${firstImportId}/errors.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="salon-errors.csv"/);
    const lines = response.body.replace(/^\ufeff/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Prénom;Nom;E-mail;Téléphone;Société;Étiquettes;Plan;WhatsApp opt-in;Notes;row;error",
    );
    expect(lines[1]).toBe("Paul;Erreur;paul@example.com;123;;;;;;3;phone: not a valid phone number");
    expect(lines[2]).toMatch(
      /^Zoé;Faux;zoe@example.com;\+33 7 11 22 33 44;;;gold;;;5;custom\.plan: expected one of/,
    );
    expect(lines.slice(3)).toEqual([""]);
  });

  it("re-imports the same file in upsert mode without creating anything, and skips everything in create mode", async () => {
    const contacts = await contactCount();
    const again = await importFile(frenchFile, "upsert");
    expect(again.counts).toEqual({ processed: 5, created: 0, updated: 3, skipped: 0, failed: 2 });
    const skipped = await importFile(frenchFile, "create");
    expect(skipped.counts).toEqual({ processed: 5, created: 0, updated: 0, skipped: 3, failed: 2 });
    expect(await contactCount()).toBe(contacts);
    const jean = await findContact("+33612345678");
    const history = (await call("GET", `/api/v1/contacts/${jean.id}/consent`)).json().history;
    expect(history).toHaveLength(1);
  });

  it("resumes a crashed run after its last committed batch, creating every contact once", async () => {
    const rows = Array.from({ length: 2_500 }, (_, index) => `Resume ${index},resume-${index}@example.org`);
    const uploaded = (await upload(["name,email", ...rows].join("\n"))).json();
    // Queued without a job, so no worker of any test takes it: this test runs the job itself.
    await queueWithoutJob(uploaded.id, { name: "name", email: "email" });
    let checks = 0;
    const crashAfterFirstBatch = {
      throwIfAborted: () => {
        if (++checks > 1) throw new Error("worker crashed");
      },
    } as AbortSignal;
    const payload = { tenantId: tenant.tenantId, importId: uploaded.id };
    await expect(runImport(harness.database.db, payload, crashAfterFirstBatch)).rejects.toThrow(
      "worker crashed",
    );
    const midway = (await call("GET", `/api/v1/imports/${uploaded.id}`)).json();
    expect(midway).toMatchObject({ status: "running", counts: { processed: 1_000, created: 1_000 } });

    await runImport(harness.database.db, payload, new AbortController().signal);
    const done = (await call("GET", `/api/v1/imports/${uploaded.id}`)).json();
    expect(done).toMatchObject({ status: "completed" });
    expect(done.counts).toEqual({ processed: 2_500, created: 2_500, updated: 0, skipped: 0, failed: 0 });
    expect((await call("GET", "/api/v1/contacts/count?q=example.org")).json().count).toBe(2_500);
    // A late duplicate of the job finds the import finished and does nothing.
    await runImport(harness.database.db, payload, new AbortController().signal);
    expect((await call("GET", `/api/v1/imports/${uploaded.id}`)).json().counts.created).toBe(2_500);
  });

  it("lists imports newest first in pages, and deletes a finished one but not a queued one", async () => {
    const first = (await call("GET", "/api/v1/imports?limit=2")).json();
    expect(first.data).toHaveLength(2);
    expect(first.data[0].id > first.data[1].id).toBe(true);
    expect(first.data[0]).not.toHaveProperty("preview");
    const next = (await call("GET", `/api/v1/imports?limit=2&cursor=${first.nextCursor}`)).json();
    expect(next.data[0].id < first.data[1].id).toBe(true);
    const forged = await call(
      "GET",
      `/api/v1/imports?cursor=${Buffer.from("not-an-id").toString("base64url")}`,
    );
    expect(forged.statusCode).toBe(400);

    const contacts = await contactCount();
    expect((await call("DELETE", `/api/v1/imports/${firstImportId}`)).statusCode).toBe(204);
    expect((await call("GET", `/api/v1/imports/${firstImportId}`)).statusCode).toBe(404);
    expect(await contactCount()).toBe(contacts);
  });

  it("lets members import", async () => {
    const member = await createTestTenant(harness.modules, "member");
    const response = await upload("name,phone\nMia,+44 7700 900123\n", "m.csv", member.headers);
    expect(response.statusCode).toBe(201);
  });
});

describe("files the import refuses, creating nothing", () => {
  it("answers 413 over 50 MB, and 400 for binary, empty, header-only and 10,000-column files", async () => {
    const before = await importCount();
    const huge = Buffer.alloc(50 * 1024 * 1024 + 1, "a");
    const tooLarge = await upload(huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().detail).toMatch(/at most 50 MB/);

    const binary = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    expect(binary.statusCode).toBe(400);
    expect(binary.json().detail).toMatch(/not a text CSV file/);
    expect((await upload("")).statusCode).toBe(400);
    const headerOnly = await upload("name,email\r\n");
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().detail).toMatch(/no rows/);
    const header = Array.from({ length: 10_000 }, (_, index) => `column ${index}`).join(",");
    const wide = await upload(`${header}\n${"x,".repeat(9_999)}x\n`);
    expect(wide.statusCode).toBe(400);
    expect(wide.json().detail).toMatch(/at most 500/);
    const json = await call("POST", "/api/v1/imports", { name: "not a file" });
    expect(json.statusCode).toBe(400);
    expect(await importCount()).toBe(before);
  });

  it("refuses to start an import twice or to delete it while it is queued", async () => {
    const uploaded = (await upload("name\nSolo\n")).json();
    await queueWithoutJob(uploaded.id, { name: "name" });
    expect((await call("POST", `/api/v1/imports/${uploaded.id}/start`, { mode: "create" })).statusCode).toBe(
      409,
    );
    expect((await call("DELETE", `/api/v1/imports/${uploaded.id}`)).statusCode).toBe(409);
  });
});
