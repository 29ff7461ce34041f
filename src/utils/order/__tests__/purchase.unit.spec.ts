import { changesPurchases, isPurchase } from "../purchase"

describe("purchases", () => {
  it("counts paid orders and later steps, and a partial refund; not unpaid, cancelled or refunded", () => {
    expect(
      ["paid", "processing", "shipped", "delivered", "partially_refunded"].every((s) =>
        isPurchase(s as never)
      )
    ).toBe(true)
    expect([null, "pending", "cancelled", "refunded"].some((s) => isPurchase(s as never))).toBe(
      false
    )
  })

  it("changes a customer's purchases only when a move crosses between the two sides", () => {
    expect(changesPurchases(null, "pending")).toBe(false)
    expect(changesPurchases("pending", "paid")).toBe(true)
    expect(changesPurchases("paid", "processing")).toBe(false)
    expect(changesPurchases("shipped", "delivered")).toBe(false)
    expect(changesPurchases("pending", "cancelled")).toBe(false)
    expect(changesPurchases("paid", "cancelled")).toBe(true)
    expect(changesPurchases("delivered", "refunded")).toBe(true)
    expect(changesPurchases("delivered", "partially_refunded")).toBe(false)
    expect(changesPurchases("partially_refunded", "refunded")).toBe(true)
  })
})
