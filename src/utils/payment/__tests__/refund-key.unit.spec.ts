import {
  keepRefundLedger,
  REFUND_LEDGER_KEY,
  refundedBefore,
  refundIdempotencyKey,
  withRefundLedger,
} from "../refund-key"

describe("refund idempotency keys", () => {
  it("are the same for a retry of the same refund, whatever Medusa's refund row", () => {
    const data = withRefundLedger({ id: "pi_1" }, 1000)
    expect(refundIdempotencyKey("pi_1", refundedBefore(data), 500)).toBe(
      refundIdempotencyKey("pi_1", refundedBefore({ ...data }), 500)
    )
  })

  it("differ for another amount, another intent, or after a refund went through", () => {
    const first = refundIdempotencyKey("pi_1", 0, 500)
    expect(refundIdempotencyKey("pi_1", 0, 400)).not.toBe(first)
    expect(refundIdempotencyKey("pi_2", 0, 500)).not.toBe(first)
    // An equal refund after the first one was recorded is a new refund.
    expect(refundIdempotencyKey("pi_1", 500, 500)).not.toBe(first)
  })

  it("read nothing refunded from data without a usable ledger", () => {
    expect(refundedBefore(undefined)).toBe(0)
    expect(refundedBefore({ id: "pi_1" })).toBe(0)
    for (const bad of ["500", -5, 1.5, null]) {
      expect(refundedBefore({ [REFUND_LEDGER_KEY]: bad })).toBe(0)
    }
    expect(refundedBefore({ [REFUND_LEDGER_KEY]: 1500 })).toBe(1500)
  })

  it("keep the ledger when a capture or cancellation replaces the payment's data", () => {
    const previous = withRefundLedger({ id: "pi_1", status: "succeeded" }, 700)
    const next = { id: "pi_1", status: "succeeded", amount_received: 5500 }
    expect(keepRefundLedger(previous, next)).toEqual({ ...next, [REFUND_LEDGER_KEY]: 700 })
    expect(keepRefundLedger({ id: "pi_1" }, next)).toBe(next)
    expect(keepRefundLedger(previous, undefined)).toBeUndefined()
  })
})
