// Builds the web app when its output is missing or older than its sources, so `npm start` works
// on a fresh clone and stays fast afterwards.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const webDir = path.resolve(import.meta.dirname, "../apps/web");
const builtIndex = path.join(webDir, "dist/index.html");

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSourceTime(webDir)) process.exit(0);
console.log("Building the web app...");
const result = spawnSync("npm", ["run", "build", "--workspace", "@sbos/web"], { stdio: "inherit" });
process.exit(result.status ?? 1);
