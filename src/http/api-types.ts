import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "./openapi-document.js";

/** Where the generated web client types live (relative to the repository root). */
export const API_TYPES_FILE = "web/src/api/schema.d.ts";

const HEADER = [
  "// Generated from the server's OpenAPI document by `npm run gen:api` — do not edit by hand.",
  "// The route schemas (src/*/*-routes.ts) are the source; `npm test` fails when this file is stale.",
  "",
].join("\n");

/**
 * The web client's TypeScript types for every route, generated from the live route schemas so that
 * a changed response shape breaks the web type check instead of a user's screen.
 */
export async function generateApiTypes(): Promise<string> {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
  });
  return HEADER + astToString(ast);
}
