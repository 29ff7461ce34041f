import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript"

/** Where the typed client's generated types live (committed; `npm run client:generate`). */
export const CLIENT_TYPES_FILE = "packages/client/src/schema.d.ts"

const HEADER = [
  "/**",
  " * Generated from the engine's GET /openapi.json by openapi-typescript: do not edit.",
  " * Regenerate with `npm run client:generate`; integration-tests/http/storefront-client.spec.ts",
  " * fails when this file and the live document differ.",
  " */",
  "",
].join("\n")

/** The TypeScript types (`paths`, `components`, `operations`) of an OpenAPI document. */
export async function renderClientTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, {
    // Routes that answer a non-200 only (204, 201) still get typed `data`.
    defaultNonNullable: true,
    alphabetize: true,
  })
  return `${HEADER}${astToString(ast)}`
}
