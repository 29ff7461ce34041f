import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosResponse } from "axios"
import { anyStatus, fillPathParams, listOperations } from "../helpers"

/**
 * OWASP API9:2023 Improper inventory management (docs/SECURITY.md "Security suite"): every
 * operation /openapi.json documents is mounted. integration-tests/http/operations.spec.ts
 * checks the other direction (every route file is documented).
 */

/**
 * No route took the request: the platform's JSON 404 for an unknown path or 405 for a
 * known path with another method (src/api/utils/response-hygiene.ts), or Express's own
 * "Cannot GET" page should that handler ever be missing.
 */
function unrouted(response: AxiosResponse): boolean {
  const body = response.data as { type?: string; message?: string } | string
  const message = typeof body === "string" ? body : String(body?.message ?? "")
  return (
    (response.status === 404 && /^No route for |Cannot [A-Z]+ /.test(message)) ||
    (response.status === 405 && typeof body === "object" && body?.type === "method_not_allowed")
  )
}

medusaIntegrationTestRunner({
  testSuite: ({ api }) => {
    it("mounts every operation /openapi.json documents", async () => {
      // The check recognises what is not mounted: a path and a method no route takes.
      expect(unrouted(await api.get("/security-suite-no-such-operation", anyStatus))).toBe(true)
      expect(unrouted(await api.delete("/products", anyStatus))).toBe(true)

      const operations = await listOperations(api)
      expect(operations.length).toBeGreaterThan(50)
      const unmounted: string[] = []
      for (const op of operations) {
        const response = await api.request({
          method: op.method,
          url: fillPathParams(op.path),
          headers: { "content-type": "application/json" },
          ...anyStatus,
        })
        if (unrouted(response)) {
          unmounted.push(`${op.method} ${op.path}`)
        }
      }
      expect(unmounted).toEqual([])
    })
  },
})
