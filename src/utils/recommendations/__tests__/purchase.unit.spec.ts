import { changesPurchase, countsAsPurchase, orderPurchase } from "../purchase"
import { RecommendationList } from "../ranking"

describe("what an order contributes to recommendations", () => {
  it("counts paid orders until they are cancelled or refunded in full", () => {
    expect(countsAsPurchase("pending")).toBe(false)
    for (const status of [
      "paid",
      "processing",
      "shipped",
      "delivered",
      "partially_refunded",
    ] as const) {
      expect(countsAsPurchase(status)).toBe(true)
    }
    expect(countsAsPurchase("cancelled")).toBe(false)
    expect(countsAsPurchase("refunded")).toBe(false)
    expect(countsAsPurchase(null)).toBe(false)
  })

  it("runs only for moves that change whether the order counts", () => {
    expect(changesPurchase("pending", "paid")).toBe(true)
    expect(changesPurchase("paid", "processing")).toBe(false)
    expect(changesPurchase("paid", "cancelled")).toBe(true)
    expect(changesPurchase("delivered", "partially_refunded")).toBe(false)
    expect(changesPurchase("partially_refunded", "refunded")).toBe(true)
    expect(changesPurchase("pending", "cancelled")).toBe(false)
    expect(changesPurchase(null, "pending")).toBe(false)
  })

  it("keeps distinct products, sorted, and pairs only small baskets of two or more", () => {
    const base = {
      order_id: "order_1",
      customer_id: "cus_1",
      status: "paid" as const,
      ordered_at: "2026-12-01T00:00:00.000Z",
      max_pair_products: 3,
    }
    expect(orderPurchase({ ...base, product_ids: ["b", "a", null, "b"] })).toMatchObject({
      product_ids: ["a", "b"],
      counted: true,
      paired: true,
    })
    expect(orderPurchase({ ...base, product_ids: ["a", "a"] })).toMatchObject({
      counted: true,
      paired: false,
    })
    expect(orderPurchase({ ...base, product_ids: ["a", "b", "c", "d"] }).paired).toBe(false)
    expect(orderPurchase({ ...base, product_ids: [] }).counted).toBe(false)
    expect(orderPurchase({ ...base, status: "cancelled", product_ids: ["a"] }).counted).toBe(false)
  })
})

describe("RecommendationList", () => {
  const item = (id: string, reason: "bought_together" | "similar" = "similar") => ({
    product_id: id,
    reason,
    orders_together: reason === "bought_together" ? 2 : null,
    view: JSON.stringify({ id }),
  })

  it("keeps the first source's entry, skips excluded products and stops at the limit", () => {
    const list = new RecommendationList(3, ["self"])
    list.add([item("a", "bought_together"), item("self", "bought_together")])
    expect(list.missing).toBe(2)
    list.add([item("a"), item("b"), item("c"), item("d")])
    expect(list.full).toBe(true)
    expect(JSON.parse(list.render())).toEqual({
      items: [
        { reason: "bought_together", orders_together: 2, product: { id: "a" } },
        { reason: "similar", orders_together: null, product: { id: "b" } },
        { reason: "similar", orders_together: null, product: { id: "c" } },
      ],
    })
    expect(new Set(list.taken)).toEqual(new Set(["self", "a", "b", "c"]))
  })

  it("renders an empty list", () => {
    expect(JSON.parse(new RecommendationList(5).render())).toEqual({ items: [] })
  })
})
