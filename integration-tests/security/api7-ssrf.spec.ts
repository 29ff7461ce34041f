import { contractRoutes } from "../../src/api/contracts"
import { buildOpenApiDocument } from "../../src/api/utils/openapi"
import type { OpenApiOperation } from "../helpers"

/**
 * OWASP API7:2023 Server-side request forgery (docs/SECURITY.md "Security suite"): N/A
 * today, as no operation fetches a URL a client gives (images are uploaded as files, OAuth
 * redirect URIs come from configuration). This test fails when an operation gains a
 * URL-like input, so that input gets an SSRF review.
 *
 * It reads the document GET /openapi.json serves, built from the contract the same way
 * (src/api/openapi.json/route.ts), without booting a server: it checks the contract, not
 * the running app.
 */
describe("API7 server-side request forgery", () => {
  it("has no operation that takes a URL from the client", () => {
    const document = buildOpenApiDocument(contractRoutes, { title: "SSRF review", version: "0" })
    const paths = document.paths as Record<string, Record<string, OpenApiOperation>>
    const urlLike = /(^|_)(url|uri|href|webhook|callback|endpoint|link)s?$/i
    // The OAuth callback's `error_uri` (RFC 6749 4.1.2.1) is the provider's error page
    // link: validated as a string and never fetched (src/api/auth/oauth/validators.ts).
    // A shipment's `tracking_url` (admins only) is an http(s) address stored and shown as
    // a link in the shipping email, never fetched (src/api/orders/validators.ts).
    const reviewed = new Set([
      "/auth/oauth/{provider}/callback error_uri",
      "/orders/{id}/status tracking_url",
      "/admin/order-lifecycle/{id}/status tracking_url",
    ])
    const found: string[] = []
    for (const [path, operations] of Object.entries(paths)) {
      for (const operation of Object.values(operations)) {
        const names = (operation.parameters ?? []).map((parameter) => parameter.name)
        for (const content of Object.values(operation.requestBody?.content ?? {})) {
          names.push(...Object.keys((content.schema as { properties?: object }).properties ?? {}))
        }
        found.push(...names.filter((name) => urlLike.test(name)).map((name) => `${path} ${name}`))
      }
    }
    // The reviewed ones are found: the scan sees parameters and bodies.
    expect(found).toEqual(expect.arrayContaining([...reviewed]))
    expect(found.filter((entry) => !reviewed.has(entry))).toEqual([])
  })
})
