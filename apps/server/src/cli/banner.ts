import type { Config } from "../platform/config.ts";
import { type Runtime, sandboxEnabled } from "../runtime.ts";

/** What a person starting the product needs to see: where it is and how to get in. */
export function printBanner(config: Config, runtime: Runtime) {
  const lines = ["", "Social Business OS is running."];
  if (runtime.url) {
    const url = config.publicUrl ?? runtime.url.replace("://127.0.0.1", "://localhost");
    lines.push(`  Web app:      ${url}/`, `  API docs:     ${url}/api/docs`);
    if (sandboxEnabled(config)) lines.push(`  Sandbox:      ${url}/sandbox/`);
  }
  if (runtime.worker) lines.push("  Job worker:   running");
  lines.push(
    `  Database:     ${config.database.kind === "pglite" ? `embedded (${config.database.dataDir})` : "PostgreSQL"}`,
  );
  if (runtime.demo) {
    lines.push(
      `  Demo sign-in: ${runtime.demo.email} / ${runtime.demo.password}`,
      `  Demo API key: ${runtime.demo.apiKey}`,
    );
  }
  lines.push("");
  console.log(lines.join("\n"));
}
