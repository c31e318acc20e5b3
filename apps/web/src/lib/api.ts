import createClient from "openapi-fetch";
import type { components, paths } from "./api-schema";

/** The typed client of the server's API, its types generated from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });

export type Schemas = components["schemas"];
