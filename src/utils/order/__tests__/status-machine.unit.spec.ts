import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_STATUSES } from "../../../modules/order-lifecycle/models/order-lifecycle"
import { assertSettableByAdmin, canMove, isCancellable, STATUS_MOVES } from "../status-machine"

describe("order status machine", () => {
  it("goes forward along the chain one step at a time", () => {
    const chain = ["pending", "paid", "processing", "shipped", "delivered"] as const
    for (let i = 0; i < chain.length - 1; i++) {
      expect(canMove(chain[i], chain[i + 1])).toBe(true)
      for (const later of chain.slice(i + 2)) {
        expect(canMove(chain[i], later)).toBe(false)
      }
      for (const earlier of chain.slice(0, i + 1)) {
        expect(canMove(chain[i], earlier)).toBe(false)
      }
    }
  })

  it("cancels only before shipping and refunds only once money was taken", () => {
    expect(ORDER_STATUSES.filter(isCancellable)).toEqual(["pending", "paid", "processing"])
    expect(ORDER_STATUSES.filter((status) => canMove(status, "refunded"))).toEqual([
      "paid",
      "processing",
      "shipped",
      "delivered",
      "partially_refunded",
    ])
  })

  it("makes cancelled and refunded final and never returns to pending", () => {
    expect(STATUS_MOVES.cancelled).toEqual([])
    expect(STATUS_MOVES.refunded).toEqual([])
    expect(ORDER_STATUSES.some((status) => canMove(status, "pending"))).toBe(false)
    expect(STATUS_MOVES.partially_refunded).toEqual(["refunded"])
  })

  it("lets admins set every status but pending and partially_refunded", () => {
    for (const status of [
      "paid",
      "processing",
      "shipped",
      "delivered",
      "cancelled",
      "refunded",
    ] as const) {
      expect(() => assertSettableByAdmin(status)).not.toThrow()
    }
    for (const status of ["pending", "partially_refunded"] as const) {
      expect(() => assertSettableByAdmin(status)).toThrow(MedusaError)
    }
    expect(() => assertSettableByAdmin("partially_refunded")).toThrow(/refund part of its payment/)
  })
})
