import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { RECOMMENDATION_MODULE } from "../../src/modules/recommendation"
import type RecommendationModuleService from "../../src/modules/recommendation/service"
import type { OrderStatus } from "../../src/modules/order-lifecycle/types"
import { backfillRecommendations } from "../../src/tasks/recommendation/backfill"
import { refreshOrderRecommendationsWorkflow } from "../../src/workflows/recommendation/refresh-order-recommendations"
import {
  createCatalogProduct,
  createFixtureOrder,
  createShop,
  type CatalogProductBody,
  TEST_ADDRESS,
  waitFor,
  type Shop,
} from "../helpers"

jest.setTimeout(240_000)

const anyStatus = { validateStatus: () => true }

type Item = { reason: string; orders_together: number | null; product: { id: string } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    /** Product ids by short name (see the fixture below). */
    const p: Record<string, string> = {}

    /** A paid (or other status) order of these products, counted as the subscriber would. */
    async function order(
      container: MedusaContainer,
      customerId: string,
      products: string[],
      status: OrderStatus = "paid"
    ): Promise<string> {
      const id = await createFixtureOrder(container, {
        placed_at: new Date().toISOString(),
        currency_code: "usd",
        customer_id: customerId,
        status,
        lines: products.map((name) => ({
          product_id: p[name],
          title: name,
          quantity: 1,
          unit_price: 10,
        })),
      })
      await refreshOrderRecommendationsWorkflow(container).run({ input: { order_id: id } })
      return id
    }

    /**
     * The catalog: shoes A and E alike (category, tag, name words), socks B, accessories
     * C and D, F inactive, G out of stock, H unrelated. Paid orders: A+B ×3, A+C ×2,
     * A+D ×1 (below the minimum of 2), A+F ×3 and A+G ×3 (not showable); A+H ×3 cancelled.
     * Alice bought A+B (one of the three).
     */
    beforeEach(async () => {
      const container = getContainer()
      shop = await createShop(container, api, {
        name: "Trail Running Shoe",
        price: "90.00",
        tags: ["running", "trail"],
        stock_quantity: 100,
      })
      const headers = shop.admin.headers
      const category = async (name: string) =>
        (await api.post("/products/categories", { name }, { headers })).data.id as string
      const shoes = await category("Shoes")
      const accessories = await category("Accessories")
      await api.put(`/products/${shop.product.id}`, { category_id: shoes }, { headers })
      p.A = shop.product.id
      const make = async (body: Omit<CatalogProductBody, "price">) =>
        (await createCatalogProduct(api, headers, { price: "10.00", stock_quantity: 50, ...body }))
          .id
      p.B = await make({ name: "Merino Socks", tags: ["wool"] })
      p.C = await make({ name: "Water Bottle", category_id: accessories })
      p.D = await make({ name: "Headlamp", category_id: accessories, tags: ["night"] })
      p.E = await make({ name: "Trail Running Shoe Pro", category_id: shoes, tags: ["running"] })
      p.F = await make({ name: "Hidden Gaiters", is_active: false })
      p.G = await make({ name: "Sold Out Poles", stock_quantity: 0 })
      p.H = await make({ name: "Yoga Mat" })

      await order(container, shop.alice.id, ["A", "B"])
      await order(container, "cus_fx1", ["A", "B"])
      await order(container, "cus_fx2", ["B", "A"])
      await order(container, "cus_fx3", ["A", "C"])
      await order(container, "cus_fx4", ["A", "C"])
      await order(container, "cus_fx5", ["A", "D"])
      for (const customer of ["cus_fx6", "cus_fx7", "cus_fx8"]) {
        await order(container, customer, ["A", "F"])
        await order(container, customer, ["A", "G"])
        await order(container, customer, ["A", "H"], "cancelled")
      }
    })

    const get = async (path: string, headers: Record<string, string> = {}) =>
      api.get(path, { headers, ...anyStatus })
    const itemsOf = (data: { items: Item[] }) => data.items
    const ids = (items: Item[]) => items.map((item) => item.product.id)
    const name = (id: string) => Object.keys(p).find((key) => p[key] === id) ?? id

    it("ranks the products bought together first, then similar ones; only active, in-stock", async () => {
      const { status, data } = await get(`/products/${p.A}/recommendations`)
      expect(status).toBe(200)
      const items = itemsOf(data)
      expect(items.slice(0, 2)).toEqual([
        expect.objectContaining({
          reason: "bought_together",
          orders_together: 3,
          product: expect.objectContaining({ id: p.B }),
        }),
        expect.objectContaining({
          reason: "bought_together",
          orders_together: 2,
          product: expect.objectContaining({ id: p.C }),
        }),
      ])
      // A+D was bought once only (minimum 2): D is no "bought together"; E is the most alike.
      expect(items[2]).toMatchObject({
        reason: "similar",
        orders_together: null,
        product: { id: p.E },
      })
      expect(items.filter((item) => item.reason === "bought_together")).toHaveLength(2)
      const shown = ids(items).map(name)
      expect(shown).not.toContain("A")
      expect(shown).not.toContain("F")
      expect(shown).not.toContain("G")
      expect(new Set(shown).size).toBe(shown.length)
      // The products carry the catalog's JSON.
      expect(items[0].product).toMatchObject({
        name: "Merino Socks",
        in_stock: true,
        is_active: true,
      })

      const limited = itemsOf((await get(`/products/${p.A}/recommendations?limit=1`)).data)
      expect(ids(limited)).toEqual([p.B])
    })

    it("falls back to similar, then popular products when a product has little history", async () => {
      // E was never bought: A (same category, tag and name words) is the most similar.
      const forE = itemsOf((await get(`/products/${p.E}/recommendations`)).data)
      expect(forE[0]).toMatchObject({ reason: "similar", product: { id: p.A } })
      expect(forE.every((item) => item.reason !== "bought_together")).toBe(true)
      // H's orders were cancelled: nothing bought together; the list is still filled.
      const forH = itemsOf((await get(`/products/${p.H}/recommendations?limit=5`)).data)
      expect(forH).toHaveLength(5)
      expect(forH.every((item) => item.reason !== "bought_together")).toBe(true)
      // Popular: A is in the most counted orders.
      expect(forH.find((item) => item.product.id === p.A)?.reason).toMatch(/similar|popular/)
      expect(ids(forH)).not.toContain(p.F)
      expect(ids(forH)).not.toContain(p.G)
      expect(ids(forH)).not.toContain(p.H)
    })

    it("follows stock, activity and new orders on the next read (cache invalidated)", async () => {
      const headers = shop.admin.headers
      expect(ids(itemsOf((await get(`/products/${p.A}/recommendations`)).data))).toContain(p.C)
      await api.put(`/products/${p.C}`, { stock_quantity: 0 }, { headers })
      const withoutC = itemsOf((await get(`/products/${p.A}/recommendations`)).data)
      expect(ids(withoutC)).not.toContain(p.C)
      expect(withoutC[0].product.id).toBe(p.B)

      // A second A+D order makes D a pair, visible on the next read.
      await order(getContainer(), "cus_fx9", ["A", "D"])
      const withD = itemsOf((await get(`/products/${p.A}/recommendations`)).data)
      expect(withD[1]).toMatchObject({
        reason: "bought_together",
        orders_together: 2,
        product: { id: p.D },
      })

      await api.put(`/products/${p.B}`, { is_active: false }, { headers })
      expect(ids(itemsOf((await get(`/products/${p.A}/recommendations`)).data))).not.toContain(p.B)
      expect((await get(`/products/${p.B}/recommendations`)).status).toBe(404)
    })

    it("recommends to a customer from their purchases, never what they bought", async () => {
      const { status, data } = await get(
        `/users/${shop.alice.id}/recommendations`,
        shop.alice.headers
      )
      expect(status).toBe(200)
      const items = itemsOf(data)
      // Alice bought A and B: A's partners C (2) lead; D (1) is under the minimum.
      expect(items[0]).toMatchObject({
        reason: "bought_together",
        orders_together: 2,
        product: { id: p.C },
      })
      const shown = ids(items).map(name)
      for (const excluded of ["A", "B", "F", "G"]) {
        expect(shown).not.toContain(excluded)
      }
      expect(shown).toContain("E") // similar to what she bought
      // An admin sees the same; a customer without purchases gets the fallbacks.
      const byAdmin = await get(`/users/${shop.alice.id}/recommendations`, shop.admin.headers)
      expect(byAdmin.status).toBe(200)
      expect(ids(itemsOf(byAdmin.data))).toEqual(ids(items))
      const bob = itemsOf(
        (await get(`/users/${shop.bob.id}/recommendations`, shop.bob.headers)).data
      )
      expect(bob.length).toBeGreaterThan(0)
      expect(bob[0]).toMatchObject({ reason: "popular", product: { id: p.A } })
      expect(ids(bob)).not.toContain(p.F)
      expect(ids(bob)).not.toContain(p.G)
    })

    it("refuses other users, missing tokens and bad input", async () => {
      expect((await get(`/users/${shop.alice.id}/recommendations`, shop.bob.headers)).status).toBe(
        404
      )
      expect((await get(`/users/${shop.alice.id}/recommendations`)).status).toBe(401)
      expect((await get(`/users/cus_unknown/recommendations`, shop.admin.headers)).status).toBe(404)
      // A NUL byte is refused before any route runs (PostgreSQL cannot store it).
      expect((await get(`/users/cus_%00x/recommendations`, shop.admin.headers)).status).toBe(400)
      expect((await get(`/products/prod_unknown/recommendations`)).status).toBe(404)
      expect((await get(`/products/${p.F}/recommendations`)).status).toBe(404)
      expect((await get(`/products/prod_%00/recommendations`)).status).toBe(400)
      expect((await get(`/products/${"x".repeat(300)}/recommendations`)).status).toBe(404)
      for (const query of ["limit=0", "limit=51", "limit=abc", "limit=%00", "other=1"]) {
        const response = await get(`/products/${p.A}/recommendations?${query}`)
        expect(response.status).toBe(400)
        expect(response.data.type).toBe("invalid_data")
      }
      const bad = await get(`/users/${shop.alice.id}/recommendations?limit=0`, shop.alice.headers)
      expect(bad.status).toBe(400)
    })

    it("counts an order when it is paid and takes it out when it is cancelled (subscriber)", async () => {
      const container = getContainer()
      const recommendations = container.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
      const { headers } = shop.bob
      for (const product of [p.E, p.H]) {
        const added = await api.post(
          "/cart/add",
          { product_id: product, quantity: 1 },
          { headers, ...anyStatus }
        )
        expect(added.status).toBe(200)
      }
      const checkout = await api.post(
        "/cart/checkout",
        { shipping_address: TEST_ADDRESS },
        { headers, ...anyStatus }
      )
      expect(checkout.status).toBe(201)
      const orderId = checkout.data.order.id as string
      const pairCount = async () =>
        (await recommendations.topPairs(p.E, 1, 10)).find((row) => row.product_id === p.H)
          ?.orders ?? 0

      expect(await pairCount()).toBe(0) // pending: not a purchase
      const paid = await api.put(
        `/orders/${orderId}/status`,
        { status: "paid" },
        { headers: shop.admin.headers, ...anyStatus }
      )
      expect(paid.status).toBe(200)
      await waitFor(async () => (await pairCount()) === 1)
      const bobs = itemsOf((await get(`/users/${shop.bob.id}/recommendations`, headers)).data)
      expect(ids(bobs)).not.toContain(p.E)
      expect(ids(bobs)).not.toContain(p.H)

      // Delivered twice, the event counts once.
      await refreshOrderRecommendationsWorkflow(container).run({ input: { order_id: orderId } })
      expect(await pairCount()).toBe(1)

      const cancelled = await api.delete(`/orders/${orderId}`, { headers, ...anyStatus })
      expect(cancelled.status).toBe(200)
      await waitFor(async () => (await pairCount()) === 0)
      const [record] = await recommendations.listRecommendationOrders({ order_id: orderId })
      expect(record.counted).toBe(false)
    })

    it("backfills paid orders placed before the module, once", async () => {
      const container = getContainer()
      const recommendations = container.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
      // Orders made without the workflow, as if paid before the module existed.
      for (const status of ["paid", "delivered", "pending"] as const) {
        await createFixtureOrder(container, {
          placed_at: new Date().toISOString(),
          currency_code: "usd",
          customer_id: `cus_old_${status}`,
          status,
          lines: [p.E, p.H].map((product_id) => ({
            product_id,
            title: "x",
            quantity: 1,
            unit_price: 5,
          })),
        })
      }
      const pairEH = async () =>
        (await recommendations.topPairs(p.E, 1, 10)).find((row) => row.product_id === p.H)
          ?.orders ?? 0
      expect(await pairEH()).toBe(0)
      const first = await backfillRecommendations(container, 3)
      expect(first).toMatchObject({ changed: 2, failed: 0 })
      expect(await pairEH()).toBe(2)
      const second = await backfillRecommendations(container)
      expect(second).toMatchObject({ orders: first.orders, changed: 0, failed: 0 })
      expect(await pairEH()).toBe(2)
      // Visible to readers at once (the cache was invalidated).
      const forE = itemsOf((await get(`/products/${p.E}/recommendations`)).data)
      expect(forE[0]).toMatchObject({
        reason: "bought_together",
        orders_together: 2,
        product: { id: p.H },
      })
    })
  },
})
