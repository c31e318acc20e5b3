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
});
