import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../../test/harness.ts";
import { withTenant } from "../db/tenancy.ts";
import { purgeExpiredIdempotencyKeys } from "./idempotency.ts";

let harness: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  harness = await startTestApp();
  tenant = await createTestTenant(harness.modules, "admin");
});
afterAll(() => harness.close());

const createKey = (idempotencyKey: string, name: string, headers = tenant.headers) =>
  harness.app.inject({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: { ...headers, "idempotency-key": idempotencyKey },
    payload: { name },
  });

const countKeysNamed = (name: string) =>
  withTenant(harness.database.db, tenant.tenantId, async (tx) => {
    const result = await tx.execute(sql`select id from api_keys where name = ${name}`);
    return result.rows.length;
  });

describe("Idempotency-Key", () => {
  it("replays the stored response for the same key and body, doing the work once", async () => {
    const first = await createKey("create-ci-key", "CI");
    const again = await createKey("create-ci-key", "CI");
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(await countKeysNamed("CI")).toBe(1);
  });

  it("answers 422 when the key is reused with a different body", async () => {
    await createKey("reused", "first");
    const conflicting = await createKey("reused", "second");
    expect(conflicting.statusCode).toBe(422);
    expect(conflicting.json().code).toBe("idempotency_key_reused");
    expect(await countKeysNamed("second")).toBe(0);
  });

  it("scopes keys to the organisation", async () => {
    const other = await createTestTenant(harness.modules, "admin");
    const mine = await createKey("shared-key", "scoped");
    const theirs = await createKey("shared-key", "scoped", other.headers);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it("does not store validation failures, so a corrected request can use the key", async () => {
    const invalid = await harness.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { ...tenant.headers, "idempotency-key": "fix-and-retry" },
      payload: { name: "" },
    });
    expect(invalid.statusCode).toBe(400);
    expect((await createKey("fix-and-retry", "fixed")).statusCode).toBe(201);
  });

  it("rejects a malformed key", async () => {
    expect((await createKey("has spaces in it", "x")).statusCode).toBe(400);
  });

  it("purges keys past the replay window", async () => {
    await createKey("old-key", "old");
    await withTenant(harness.database.db, tenant.tenantId, (tx) =>
      tx.execute(
        sql`update idempotency_keys set created_at = now() - interval '2 days' where key = 'old-key'`,
      ),
    );
    expect(await purgeExpiredIdempotencyKeys(harness.database.db, tenant.tenantId)).toBe(1);
    const replay = await createKey("old-key", "old");
    expect(replay.headers["idempotent-replayed"]).toBeUndefined();
  });
});
