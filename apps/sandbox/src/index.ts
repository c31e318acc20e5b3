export { type SandboxOptions, sandboxPlugin } from "./sandbox.ts";
export { defineStandIn, type StandIn } from "./stand-in.ts";
export { standIns } from "./stand-ins.ts";
export { startStandaloneSandbox } from "./standalone.ts";
