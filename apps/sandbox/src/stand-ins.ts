import { createS3StandIn } from "./s3/s3-stand-in.ts";
import type { StandIn } from "./stand-in.ts";
import { createWhatsAppStandIn } from "./whatsapp/whatsapp-stand-in.ts";

/** Every platform stand-in the sandbox serves; provider issues add theirs here. */
export const standIns: StandIn[] = [createWhatsAppStandIn(), createS3StandIn()];
