import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../platform/actor.ts";
import { newId } from "../../../platform/ids.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../../test/harness.ts";
import { createExportService } from "./service.ts";

let harness: TestApp;
let tenant: TestTenant;

/** RFC 4180 records, the way a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      record.push(field);
      field = "";
    } else if (character === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index += 1;
    } else field += character;
  }
  return records;
}

const post = async (url: string, payload: object) => {
  const response = await harness.app.inject({ method: "POST", url, headers: tenant.headers, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
};

const exportContacts = (
  query: string,
  options: { headers?: object; cookies?: Record<string, string> } = {},
) =>
  harness.app.inject({
    url: `/api/v1/exports/contacts?${query}`,
    headers: (options.headers ?? (options.cookies ? {} : tenant.headers)) as Record<string, string>,
    ...(options.cookies ? { cookies: options.cookies } : {}),
  });

const filterParam = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
const customers = {
  match: "all",
  conditions: [{ field: "lifecycleStage", operator: "eq", value: "customer" }],
};

async function readStream(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
  await post("/api/v1/contact-fields", {
    key: "plan",
    label: "Plan",
    type: "select",
    options: ["gold", "free"],
  });
  await post("/api/v1/contact-fields", { key: "seats", label: "Seats", type: "number" });
  const company = await post("/api/v1/companies", { name: "Société Générale, Inc." });
  const tag = await post("/api/v1/tags", { name: "VIP" });
  const amelie = await post("/api/v1/contacts", {
    name: 'Amélie "Mimi" Poulain, Jr.',
    email: "amelie@example.com",
    phone: "+33 6 12 34 56 78",
    companyId: company.id,
    lifecycleStage: "customer",
    customFields: { plan: "gold", seats: -3 },
  });
  await harness.app.inject({
    method: "PUT",
    url: `/api/v1/contacts/${amelie.id}/tags/${tag.id}`,
    headers: tenant.headers,
  });
  await post("/api/v1/contacts", {
    name: '=HYPERLINK("http://evil")',
    source: "@import",
    lifecycleStage: "lead",
  });
  await post("/api/v1/contacts", { name: "محمد علي", language: "ar", lifecycleStage: "customer" });
  await post("/api/v1/contacts", { name: "王小明\nsecond line", timezone: "Asia/Shanghai" });
});
afterAll(() => harness.close());

describe("contact export", () => {
  it("streams CSV with a BOM, RFC 4180 quoting and formulas defused, as a dated attachment", async () => {
    const response = await exportContacts("format=csv");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="contacts-${today}.csv"`);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const text = response.rawPayload.subarray(3).toString("utf8");
    expect(text).toContain('"Amélie ""Mimi"" Poulain, Jr."');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      "name",
      "email",
      "phone",
      "company",
      "lifecycleStage",
      "ownerId",
      "source",
      "language",
      "timezone",
      "tags",
      "createdAt",
      "custom.plan",
      "custom.seats",
    ]);
    expect(rows.map((row) => row[0])).toEqual([
      'Amélie "Mimi" Poulain, Jr.',
      '\'=HYPERLINK("http://evil")',
      "محمد علي",
      "王小明\nsecond line",
    ]);
    const [amelie, formula] = rows;
    expect(amelie).toEqual([
      'Amélie "Mimi" Poulain, Jr.',
      "amelie@example.com",
      "+33612345678",
      "Société Générale, Inc.",
      "customer",
      "",
      "",
      "",
      "",
      "VIP",
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      "gold",
      "-3",
    ]);
    expect(formula?.[6]).toBe("'@import");
  });

  it("exports only the filter's or the segment's contacts, in the columns asked", async () => {
    const filtered = parseCsv(
      (await exportContacts(`columns=name,lifecycleStage&${filterParam(customers)}`)).body,
    );
    expect(filtered).toEqual([
      ["\uFEFFname", "lifecycleStage"],
      ['Amélie "Mimi" Poulain, Jr.', "customer"],
      ["محمد علي", "customer"],
    ]);

    const segment = await post("/api/v1/segments", {
      name: "Arabic speakers",
      filter: { match: "all", conditions: [{ field: "language", operator: "eq", value: "ar" }] },
    });
    const bySegment = parseCsv((await exportContacts(`columns=name&segmentId=${segment.id}`)).body);
    expect(bySegment).toEqual([["\uFEFFname"], ["محمد علي"]]);
    const searched = parseCsv((await exportContacts("columns=name,email&q=amelie")).body);
    expect(searched.slice(1)).toEqual([['Amélie "Mimi" Poulain, Jr.', "amelie@example.com"]]);
  });

  it("refuses unknown columns, bad filters and unknown segments before sending anything", async () => {
    const unknownColumn = await exportContacts("columns=name,password");
    expect(unknownColumn.statusCode).toBe(400);
    expect(unknownColumn.json().errors).toEqual([
      { field: "querystring.columns", message: 'unknown column "password"' },
    ]);
    const badFilter = await exportContacts(
      filterParam({ match: "all", conditions: [{ field: "shoeSize", operator: "eq", value: 1 }] }),
    );
    expect(badFilter.statusCode).toBe(400);
    expect((await exportContacts("format=pdf")).statusCode).toBe(400);
    expect((await exportContacts(`segmentId=${newId()}`)).statusCode).toBe(404);
  });

  it("writes XLSX that a spreadsheet reader opens, with typed cells", async () => {
    const response = await exportContacts(`format=xlsx&${filterParam(customers)}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers["content-disposition"]).toMatch(/filename="contacts-\d{4}-\d\d-\d\d\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Contacts");
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(1).getCell(1).value).toBe("name");
    expect(sheet?.getRow(2).getCell(1).value).toBe('Amélie "Mimi" Poulain, Jr.');
    expect(sheet?.getRow(2).getCell(3).value).toBe("+33612345678");
    expect(sheet?.getRow(2).getCell(11).value).toBeInstanceOf(Date);
    expect(sheet?.getRow(2).getCell(13).value).toBe(-3);
    expect(sheet?.getRow(3).getCell(1).value).toBe("محمد علي");
  });

  it("records one audit entry per export with the selection and format", async () => {
    await exportContacts(`format=xlsx&columns=name&${filterParam(customers)}`);
    const events = (
      await harness.app.inject({
        url: "/api/v1/audit-events?action=contact.export&limit=1",
        headers: tenant.headers,
      })
    ).json().data;
    expect(events[0].changes).toMatchObject({
      format: { to: "xlsx" },
      filter: { to: JSON.stringify(customers) },
      columns: { to: ["name"] },
    });
  });

  it("reads in batches across transactions without losing or repeating a contact, in both formats", async () => {
    const service = createExportService({ db: harness.database.db, batchSize: 2 });
    const actor: Actor = { tenantId: tenant.tenantId, role: "admin" };
    const csv = await service.exportContacts(actor, { format: "csv", columns: "name" });
    const names = parseCsv((await readStream(csv.body)).toString("utf8")).slice(1);
    expect(names.map(([name]) => name)).toEqual([
      'Amélie "Mimi" Poulain, Jr.',
      '\'=HYPERLINK("http://evil")',
      "محمد علي",
      "王小明\nsecond line",
    ]);
    const xlsx = await service.exportContacts(actor, { format: "xlsx", columns: "name,tags" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readStream(xlsx.body)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Contacts");
    expect(sheet?.rowCount).toBe(5);
    expect(sheet?.getRow(2).values).toEqual([undefined, 'Amélie "Mimi" Poulain, Jr.', "VIP"]);
    expect(sheet?.getRow(5).getCell(1).value).toBe("王小明\nsecond line");
  });

  it("downloads with a browser's session cookie as well as an API key", async () => {
    const signUp = await harness.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: {
        email: `exporter-${newId()}@example.com`,
        password: "a long enough password",
        name: "Exporter",
        organizationName: "Exporting Org",
      },
    });
    const cookie = signUp.cookies.find((entry) => entry.name === "sbos_session");
    const cookies = { sbos_session: cookie?.value ?? "" };
    await harness.app.inject({
      method: "POST",
      url: "/api/v1/contacts",
      cookies,
      payload: { name: "Cookie Contact" },
    });
    const response = await exportContacts("columns=name", { cookies });
    expect(response.statusCode).toBe(200);
    expect(parseCsv(response.body)).toEqual([["\uFEFFname"], ["Cookie Contact"]]);
  });
});
