import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  asCaller as as,
  createAdminUser,
  createShoppers,
  fillPathParams,
  listOperations,
  stateFingerprint,
  type FuzzOperation,
  type Shopper,
} from "../helpers"

/**
 * OWASP API5:2023 Broken function level authorization (docs/SECURITY.md "Security suite"):
 * every admin operation /openapi.json documents refuses customers and anonymous callers
 * without changing anything, and so does Medusa's own /admin API.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: Shopper
    let operations: FuzzOperation[]

    beforeAll(async () => {
      // An admin exists, so a refusal is about the caller, not an empty user table.
      await createAdminUser(getContainer(), api)
      ;[customer] = await createShoppers(getContainer(), 1)
      operations = await listOperations(api)
    })

    it("refuses every admin operation of /openapi.json to customers and anonymous callers", async () => {
      const adminOps = operations.filter((op) => op.operation["x-access"] === "admin")
      expect(adminOps.length).toBeGreaterThan(10)
      const before = await stateFingerprint(getContainer())
      for (const op of adminOps) {
        for (const [who, headers] of [
          ["customer", customer.headers],
          ["anonymous", {}],
        ] as const) {
          const response = await api.request({
            method: op.method,
            url: fillPathParams(op.path),
            data: op.method === "get" ? undefined : {},
            ...as(headers),
          })
          // Medusa authenticates /admin/* itself: a customer token is no admin token there.
          const expected = who === "anonymous" || op.path.startsWith("/admin/") ? 401 : 403
          expect({ op: `${op.method} ${op.path}`, who, status: response.status }).toEqual({
            op: `${op.method} ${op.path}`,
            who,
            status: expected,
          })
        }
      }
      expect(await stateFingerprint(getContainer())).toEqual(before)
    })

    it("refuses Medusa's own admin API to a customer token", async () => {
      const response = await api.get("/admin/products", as(customer.headers))
      expect(response.status).toBe(401)
      expect(response.data.products).toBeUndefined()
    })
  },
})
