import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("defaults to the embedded database in ./.sbos-data on port 3000", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: "pglite" });
    expect(config.database.kind === "pglite" && config.database.dataDir).toMatch(/\.sbos-data\/pglite$/);
    expect(config.corsOrigins).toEqual([]);
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://app@db:5432/sbos", DATABASE_POOL_SIZE: "7" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://app@db:5432/sbos", poolSize: 7 });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).database.kind).toBe("pglite");
  });

  it("stops with the variable's name and the fix when a value is invalid", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(
      /PORT="eighty".*fix: use a number between 0 and 65535/,
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL=.*postgres:\/\//);
  });

  it("keeps files in the data folder unless STORAGE=s3", () => {
    expect(loadConfig({}).storage).toMatchObject({
      kind: "local",
      root: expect.stringMatching(/\.sbos-data\/files$/),
    });
  });

  it("reads the S3 bucket with us-east-1 and path-style requests by default", () => {
    const config = loadConfig({
      STORAGE: "s3",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_BUCKET: "sbos-files",
      S3_ACCESS_KEY_ID: "minio",
      S3_SECRET_ACCESS_KEY: "minio-secret",
    });
    expect(config.storage).toEqual({
      kind: "s3",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      bucket: "sbos-files",
      accessKeyId: "minio",
      secretAccessKey: "minio-secret",
      forcePathStyle: true,
    });
  });

  it("stops naming every S3 value STORAGE=s3 lacks, and a bad endpoint or storage kind", () => {
    const attempt = () => loadConfig({ STORAGE: "s3", S3_BUCKET: "sbos-files", S3_SECRET_ACCESS_KEY: "" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /S3_ENDPOINT is required when STORAGE=s3.*\n {2}S3_ACCESS_KEY_ID is required.*\n {2}S3_SECRET_ACCESS_KEY is required/,
    );
    expect(attempt).not.toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ STORAGE: "s3", S3_ENDPOINT: "ftp://files" })).toThrow(
      /S3_ENDPOINT="ftp:\/\/files"/,
    );
    expect(() => loadConfig({ STORAGE: "disk" })).toThrow(/STORAGE="disk".*fix: use local/);
  });
});
