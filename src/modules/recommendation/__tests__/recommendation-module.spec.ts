import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { RECOMMENDATION_MODULE } from ".."
import { RecommendationOrder } from "../models/counted-order"
import { RecommendationCustomerProduct } from "../models/customer-product"
import { RecommendationPair } from "../models/product-pair"
import { RecommendationProduct } from "../models/product-popularity"
import type RecommendationModuleService from "../service"
import type { OrderPurchase } from "../types"

jest.setTimeout(60000)

/** A paid order of `products` (already distinct and sorted, as the workflow gives them). */
function purchase(
  order_id: string,
  product_ids: string[],
  overrides: Partial<OrderPurchase> = {}
): OrderPurchase {
  return {
    order_id,
    customer_id: "cus_a",
    product_ids,
    counted: true,
    paired: product_ids.length >= 2,
    ordered_at: "2026-12-01T10:00:00.000Z",
    ...overrides,
  }
}

moduleIntegrationTestRunner<RecommendationModuleService>({
  moduleName: RECOMMENDATION_MODULE,
  moduleModels: [
    RecommendationOrder,
    RecommendationPair,
    RecommendationProduct,
    RecommendationCustomerProduct,
  ],
  resolve: "./src/modules/recommendation",
  testSuite: ({ service }) => {
    /** Every pair count as "a>b": n, and every popularity as "a": n (zeros left out). */
    async function counts() {
      const pairs = await service.listRecommendationPairs({}, { take: null })
      const products = await service.listRecommendationProducts({}, { take: null })
      const customer = await service.listRecommendationCustomerProducts({}, { take: null })
      const table = (rows: { key: string; orders: number }[]) =>
        Object.fromEntries(
          rows
            .filter((row) => row.orders !== 0)
            .sort((a, b) => a.key.localeCompare(b.key))
            .map((row) => [row.key, row.orders])
        )
      return {
        pairs: table(
          pairs.map((p) => ({ key: `${p.product_id}>${p.other_id}`, orders: p.orders }))
        ),
        products: table(products.map((p) => ({ key: p.product_id, orders: p.orders }))),
        customer: table(
          customer.map((c) => ({ key: `${c.customer_id}:${c.product_id}`, orders: c.orders }))
        ),
      }
    }

    it("counts a paid order's pairs in both directions, its products and the customer's purchases", async () => {
      const result = await service.applyOrder(purchase("order_1", ["prod_a", "prod_b", "prod_c"]))
      expect(result.changed).toBe(true)
      expect(await counts()).toEqual({
        pairs: {
          "prod_a>prod_b": 1,
          "prod_a>prod_c": 1,
          "prod_b>prod_a": 1,
          "prod_b>prod_c": 1,
          "prod_c>prod_a": 1,
          "prod_c>prod_b": 1,
        },
        products: { prod_a: 1, prod_b: 1, prod_c: 1 },
        customer: { "cus_a:prod_a": 1, "cus_a:prod_b": 1, "cus_a:prod_c": 1 },
      })
    })

    it("counts an order once however often it is applied, also concurrently", async () => {
      const order = purchase("order_2", ["prod_a", "prod_b"])
      await Promise.all([service.applyOrder(order), service.applyOrder(order)])
      const again = await service.applyOrder(order)
      expect(again.changed).toBe(false)
      expect((await counts()).pairs).toEqual({ "prod_a>prod_b": 1, "prod_b>prod_a": 1 })
      expect((await counts()).products).toEqual({ prod_a: 1, prod_b: 1 })
    })

    it("takes a cancelled order out once, with the products it was counted with", async () => {
      await service.applyOrder(purchase("order_3", ["prod_a", "prod_b"]))
      await service.applyOrder(purchase("order_4", ["prod_a", "prod_b"], { customer_id: "cus_b" }))
      // The cancellation reads the order again; whatever it holds now, what was added goes.
      const cancelled = purchase("order_3", ["prod_a", "prod_z"], { counted: false })
      expect((await service.applyOrder(cancelled)).changed).toBe(true)
      expect((await service.applyOrder(cancelled)).changed).toBe(false)
      expect(await counts()).toEqual({
        pairs: { "prod_a>prod_b": 1, "prod_b>prod_a": 1 },
        products: { prod_a: 1, prod_b: 1 },
        customer: { "cus_b:prod_a": 1, "cus_b:prod_b": 1 },
      })
    })

    it("changes nothing for an order cancelled before it was ever counted", async () => {
      const result = await service.applyOrder(
        purchase("order_5", ["prod_a", "prod_b"], { counted: false })
      )
      expect(result.changed).toBe(false)
      expect(await counts()).toEqual({ pairs: {}, products: {}, customer: {} })
    })

    it("writes back the previous state (compensation) and counts a large basket without pairs", async () => {
      const { previous } = await service.applyOrder(purchase("order_6", ["prod_a", "prod_b"]))
      expect(previous.counted).toBe(false)
      await service.applyOrder(previous)
      expect(await counts()).toEqual({ pairs: {}, products: {}, customer: {} })

      await service.applyOrder(
        purchase("order_7", ["prod_a", "prod_b", "prod_c"], { paired: false })
      )
      expect(await counts()).toEqual({
        pairs: {},
        products: { prod_a: 1, prod_b: 1, prod_c: 1 },
        customer: { "cus_a:prod_a": 1, "cus_a:prod_b": 1, "cus_a:prod_c": 1 },
      })
      await service.applyOrder(purchase("order_7", [], { counted: false }))
      expect(await counts()).toEqual({ pairs: {}, products: {}, customer: {} })
    })

    it("reads the strongest partners first, above a minimum, and a customer's without their purchases", async () => {
      const orders: [string, string[], string][] = [
        ["o1", ["prod_a", "prod_b"], "cus_x"],
        ["o2", ["prod_a", "prod_b"], "cus_y"],
        ["o3", ["prod_a", "prod_b", "prod_c"], "cus_y"],
        ["o4", ["prod_a", "prod_c"], "cus_z"],
        ["o5", ["prod_a", "prod_d"], "cus_z"],
        ["o6", ["prod_b", "prod_e"], "cus_z"],
        ["o7", ["prod_b", "prod_e"], "cus_w"],
      ]
      for (const [order, products, customer] of orders) {
        await service.applyOrder(purchase(order, products, { customer_id: customer }))
      }
      expect(await service.topPairs("prod_a", 1, 10)).toEqual([
        { product_id: "prod_b", orders: 3 },
        { product_id: "prod_c", orders: 2 },
        { product_id: "prod_d", orders: 1 },
      ])
      expect(await service.topPairs("prod_a", 2, 10)).toEqual([
        { product_id: "prod_b", orders: 3 },
        { product_id: "prod_c", orders: 2 },
      ])
      expect(await service.topPairs("prod_a", 1, 1)).toEqual([{ product_id: "prod_b", orders: 3 }])

      // cus_x bought a and b: partners of a (c 2, d 1) and of b (e 2, c 1), summed.
      expect(
        await service.customerPairs("cus_x", { seeds: 20, perSeed: 20, minOrders: 1, limit: 10 })
      ).toEqual([
        { product_id: "prod_c", orders: 3 },
        { product_id: "prod_e", orders: 2 },
        { product_id: "prod_d", orders: 1 },
      ])
      expect(await service.boughtAmong("cus_x", ["prod_a", "prod_c", "prod_e"])).toEqual(
        new Set(["prod_a"])
      )
      expect((await service.popular(null, 3)).map((row) => row.product_id)).toEqual([
        "prod_a",
        "prod_b",
        "prod_c",
      ])
      expect((await service.popular("cus_x", 2)).map((row) => row.product_id)).toEqual([
        "prod_c",
        "prod_e",
      ])
      expect(await service.recentPurchases("cus_z", 10)).toEqual(
        expect.arrayContaining(["prod_a", "prod_b", "prod_c", "prod_d", "prod_e"])
      )
    })
  },
})
