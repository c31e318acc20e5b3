export { createS3StandIn, s3SandboxRoutes, sandboxS3Credentials } from "./s3/s3-stand-in.ts";
export { type SandboxOptions, sandboxPlugin } from "./sandbox.ts";
export { defineStandIn, type StandIn } from "./stand-in.ts";
export { standIns } from "./stand-ins.ts";
export { startStandaloneSandbox } from "./standalone.ts";
export type { WhatsAppSandboxDelays, WhatsAppSandboxOptions } from "./whatsapp/context.ts";
export type { TranscriptEntry } from "./whatsapp/customer-routes.ts";
export type { CustomerMessageInput } from "./whatsapp/inbound-messages.ts";
export {
  createSimulatedCustomer,
  type SimulatedCustomer,
  type SimulatedCustomerOptions,
} from "./whatsapp/simulated-customer.ts";
export { createWhatsAppSandboxState, type WhatsAppSandboxState } from "./whatsapp/state.ts";
export { createWhatsAppStandIn, whatsappSandboxRoutes } from "./whatsapp/whatsapp-stand-in.ts";
