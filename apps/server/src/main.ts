import { parseArgs } from "node:util";
import { runCommand } from "./cli/commands.ts";
import { ConfigError, loadConfig } from "./platform/config.ts";
import { createLogger } from "./platform/logger.ts";

const [command = "help", ...rest] = process.argv.slice(2);

try {
  const { values } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: false,
    options: { help: { type: "boolean", short: "h" } },
  });
  const config = loadConfig();
  await runCommand(command, rest, { config, logger: createLogger(config), wantsHelp: values.help === true });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
}
