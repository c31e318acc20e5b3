import type { SecretBox } from "../../../platform/secret-box.ts";
import {
  createWhatsAppCloudClient,
  type WhatsAppCloudClient,
} from "../../../providers/whatsapp-cloud/index.ts";
import type { ChannelRow } from "./repo.ts";

/** The Cloud API client of one connected number, its token unsealed only for the call. */
export function clientForChannel(secrets: SecretBox, channel: ChannelRow): WhatsAppCloudClient {
  return createWhatsAppCloudClient({
    baseUrl: channel.apiBaseUrl,
    apiVersion: channel.apiVersion,
    accessToken: secrets.open(channel.accessTokenSealed),
  });
}
