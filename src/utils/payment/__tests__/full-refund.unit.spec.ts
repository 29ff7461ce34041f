import { fullRefundOf } from "../full-refund"

describe("fullRefundOf", () => {
  it("refunds what each payment has left and expects its refunds to total all it captured", () => {
    expect(
      fullRefundOf([
        { id: "pay_a", captures: [{ amount: 30 }, { amount: "25.50" }], refunds: [{ amount: 10 }] },
        { id: "pay_b", captures: [{ amount: 12 }], refunds: [] },
      ])
    ).toEqual({
      refunds: [
        { payment_id: "pay_a", amount: 45.5 },
        { payment_id: "pay_b", amount: 12 },
      ],
      refunded_totals: [
        { payment_id: "pay_a", refunded: 55.5 },
        { payment_id: "pay_b", refunded: 12 },
      ],
    })
  })

  it("leaves out payments with nothing captured or everything already refunded", () => {
    expect(
      fullRefundOf([
        { id: "pay_authorized", captures: null, refunds: null },
        { id: "pay_done", captures: [{ amount: 20 }], refunds: [{ amount: 5 }, { amount: 15 }] },
        { id: "pay_left", captures: [{ amount: 20 }], refunds: [{ amount: 19.99 }] },
      ])
    ).toEqual({
      refunds: [{ payment_id: "pay_left", amount: 0.01 }],
      refunded_totals: [{ payment_id: "pay_left", refunded: 20 }],
    })
  })

  it("plans nothing for an order without payments", () => {
    expect(fullRefundOf([])).toEqual({ refunds: [], refunded_totals: [] })
  })
})
