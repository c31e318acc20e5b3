import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

/** The web app's typed API client reads its types from here; `npm run api:types` rewrites it. */
export const apiTypesFile = fileURLToPath(new URL("../../../web/src/lib/api-schema.ts", import.meta.url));

const header = "// Generated from the server's OpenAPI document by `npm run api:types`. Do not edit.\n\n";

type Document = Record<string, unknown> & { components?: { schemas?: Record<string, unknown> } };

export async function renderApiTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(withSortedSchemas(document as Document) as unknown as OpenAPI3);
  return header + astToString(ast);
}

// Schemas are registered in the order modules load; sorting keeps the output stable.
function withSortedSchemas(document: Document): Document {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return { ...document, components: { ...document.components, schemas: sorted } };
}
