import type { FastifyRequest } from "fastify";
import { graphFailure, invalidToken, missingToken, unknownObject } from "./failures.ts";
import { listWabaNumbers, type RegisteredNumber, type WhatsAppSandboxState } from "./state.ts";

type GraphMethod = "get" | "post" | "delete";

const versionPattern = /^v\d+\.\d+$/;

export function assertGraphVersion(version: string) {
  if (!versionPattern.test(version))
    throw graphFailure(400, { message: `Unknown path components: /${version}`, code: 2500 });
}

/** Graph takes the token from `Authorization: Bearer` or, as its `next` links do, `access_token`. */
function readAccessToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const bearer = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  if (bearer) return bearer;
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.access_token === "string" && query.access_token !== ""
    ? query.access_token
    : undefined;
}

/**
 * Graph's order: a token nobody issued is 401 whatever the object; a valid token on an object
 * that does not exist is 400 code 100; the object's owner holding another token is 401 again.
 */
function authorizeObject(
  state: WhatsAppSandboxState,
  request: FastifyRequest,
  method: GraphMethod,
  objectId: string,
  owners: RegisteredNumber[],
) {
  const token = readAccessToken(request);
  if (!token) throw missingToken();
  if (owners.length === 0) {
    if (![...state.numbers.values()].some((number) => number.accessToken === token)) throw invalidToken();
    throw unknownObject(method, objectId);
  }
  const owner = owners.find((number) => number.accessToken === token);
  if (!owner) throw invalidToken();
  return owner;
}

export function authorizeNumber(
  state: WhatsAppSandboxState,
  request: FastifyRequest,
  method: GraphMethod,
  phoneNumberId: string,
) {
  const number = state.numbers.get(phoneNumberId);
  return authorizeObject(state, request, method, phoneNumberId, number ? [number] : []);
}

export function authorizeWaba(
  state: WhatsAppSandboxState,
  request: FastifyRequest,
  method: GraphMethod,
  wabaId: string,
) {
  return authorizeObject(state, request, method, wabaId, listWabaNumbers(state, wabaId));
}

/** Media belongs to the number that uploaded or received it; any number of the same account may read it. */
export function authorizeMedia(
  state: WhatsAppSandboxState,
  request: FastifyRequest,
  method: GraphMethod,
  mediaId: string,
) {
  const media = state.media.get(mediaId);
  const owner = media ? state.numbers.get(media.phoneNumberId) : undefined;
  const owners = owner ? listWabaNumbers(state, owner.wabaId) : [];
  authorizeObject(state, request, method, mediaId, owners);
  if (!media) throw unknownObject(method, mediaId);
  return media;
}
