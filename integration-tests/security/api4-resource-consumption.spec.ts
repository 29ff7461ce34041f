import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  anyStatus,
  asCaller as as,
  createAdminUser,
  createCatalogProduct,
  createStoreContext,
  expectCleanError,
  stateFingerprint,
  type AdminSession,
  type CatalogProduct,
} from "../helpers"

/**
 * OWASP API4:2023 Unrestricted resource consumption (docs/SECURITY.md "Security suite"):
 * bodies, uploads and pages are bounded, and responses announce the rate limit.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let product: CatalogProduct

    beforeAll(async () => {
      // A stock location for the product's stock; no regions or shipping needed here.
      await createStoreContext(getContainer())
      admin = await createAdminUser(getContainer(), api)
      product = await createCatalogProduct(api, admin.headers, {
        name: "Desk",
        price: "50.00",
        stock_quantity: 5,
      })
    })

    it("refuses a JSON body over the limit with a 413 and changes nothing", async () => {
      const before = await stateFingerprint(getContainer())
      const response = await api.post(
        "/products",
        { name: "x".repeat(300_000), price: "1.00" },
        as(admin.headers)
      )
      expectCleanError(response, 413)
      expect(await stateFingerprint(getContainer())).toEqual(before)
    })

    it("caps page sizes at 100", async () => {
      const response = await api.get("/products?limit=100000", anyStatus)
      expect(response.status).toBe(200)
      expect(response.data.limit).toBeLessThanOrEqual(100)
      const users = await api.get("/users?limit=100000", as(admin.headers))
      expect(users.status).toBe(200)
      expect(users.data.limit).toBeLessThanOrEqual(100)
    })

    it("refuses a too-large upload", async () => {
      const form = new FormData()
      form.append(
        "file",
        new Blob([Buffer.alloc(12 * 1024 * 1024, 1)], { type: "image/png" }),
        "big.png"
      )
      const response = await api.post(`/products/${product.id}/images`, form, as(admin.headers))
      expectCleanError(response, [400, 413])
    })

    it("announces the rate limit on every engine response", async () => {
      const response = await api.get("/products", anyStatus)
      const names = Object.keys(response.headers).map((name) => name.toLowerCase())
      expect(names.some((name) => name.startsWith("ratelimit"))).toBe(true)
    })
  },
})
