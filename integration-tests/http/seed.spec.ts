import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import seedDemoData from "../../src/scripts/seed"
import { DEMO_CATEGORIES, DEMO_PRODUCTS, DEMO_TAGS } from "../../src/scripts/seed/catalog-data"
import {
  DEMO_PUBLISHABLE_KEY_TITLE,
  demoAdminCredentials,
} from "../../src/scripts/seed/demo-settings"

jest.setTimeout(300_000)

async function snapshot(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const count = async (entity: string) =>
    (await query.graph({ entity, fields: ["id"] })).data.length
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({})
  return {
    products: await count("product"),
    variants: await count("product_variant"),
    prices: await count("price"),
    categories: await count("product_category"),
    tags: await count("product_tag"),
    regions: await count("region"),
    taxRegions: await count("tax_region"),
    stockLocations: await count("stock_location"),
    shippingOptions: await count("shipping_option"),
    apiKeys: await count("api_key"),
    users: await count("user"),
    stock: levels.map((l) => `${l.inventory_item_id}:${l.stocked_quantity}`).sort(),
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    // Seeded once: the runner snapshots the database after this and restores it per test.
    beforeAll(async () => {
      await seedDemoData({ container: getContainer(), args: [] })
    })

    it("seeds the demo store; a second run changes nothing", async () => {
      const container = getContainer()
      const first = await snapshot(container)

      expect(first.products).toBe(DEMO_PRODUCTS.length)
      expect(first.variants).toBe(DEMO_PRODUCTS.length)
      expect(first.categories).toBe(DEMO_CATEGORIES.length)
      expect(first.tags).toBe(DEMO_TAGS.length)
      expect(first.regions).toBe(2)
      expect(first.shippingOptions).toBe(2)
      expect(first.stock).toHaveLength(DEMO_PRODUCTS.length)

      await seedDemoData({ container, args: [] })
      expect(await snapshot(container)).toEqual(first)
    })

    it("makes the seeded catalog visible with the seeded publishable key", async () => {
      const container = getContainer()
      const [key] = await container
        .resolve(Modules.API_KEY)
        .listApiKeys({ title: DEMO_PUBLISHABLE_KEY_TITLE })

      const { data } = await api.get("/store/products?limit=100&fields=title,*variants", {
        headers: { "x-publishable-api-key": key.token },
      })
      expect(data.count).toBe(DEMO_PRODUCTS.length)
      expect(data.products.map((p: { title: string }) => p.title)).toContain("Wireless Mouse")

      // The engine's catalog is built by the seed too (read model backfill).
      const engine = await api.get("/products?limit=100")
      expect(engine.data.count).toBe(DEMO_PRODUCTS.length)
      const search = await api.get("/products/search?q=wireles%20mouse")
      expect(search.data.items[0].name).toBe("Wireless Mouse")

      const regions = await api.get("/store/regions", {
        headers: { "x-publishable-api-key": key.token },
      })
      expect(
        regions.data.regions.map((r: { currency_code: string }) => r.currency_code).sort()
      ).toEqual(["eur", "usd"])
    })

    it("creates an admin whose credentials log in", async () => {
      const { email, password } = demoAdminCredentials()
      const login = await api.post("/auth/user/emailpass", { email, password })
      const me = await api.get("/admin/users/me", {
        headers: { authorization: `Bearer ${login.data.token}` },
      })
      expect(me.data.user.email).toBe(email)

      const wrong = await api.post(
        "/auth/user/emailpass",
        { email, password: "not-the-password" },
        { validateStatus: () => true }
      )
      expect(wrong.status).toBe(401)
    })
  },
})
