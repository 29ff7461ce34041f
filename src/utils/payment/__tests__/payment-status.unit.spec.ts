import { attemptStatusOfSession, failureOf, nextActionOf } from "../attempt-outcome"
import { paymentStatusOf } from "../../../queries/payment/payment-view"
import { toPaymentMethodView } from "../../../queries/payment/saved-cards"

describe("attemptStatusOfSession", () => {
  it.each([
    ["authorized", "succeeded"],
    ["captured", "succeeded"],
    ["requires_more", "requires_action"],
    ["error", "failed"],
    ["canceled", "canceled"],
    ["pending", "pending"],
    ["pending_authorization", "pending"],
  ])("%s → %s", (session, attempt) => {
    expect(attemptStatusOfSession(session)).toBe(attempt)
  })
})

describe("failureOf / nextActionOf", () => {
  it("prefers Stripe's decline code to its error code", () => {
    expect(
      failureOf({
        last_payment_error: {
          code: "card_declined",
          decline_code: "insufficient_funds",
          message: "Your card has insufficient funds.",
        },
      })
    ).toEqual({ code: "insufficient_funds", message: "Your card has insufficient funds." })
    expect(failureOf({ last_payment_error: { code: "card_declined" } })).toEqual({
      code: "card_declined",
      message: null,
    })
    expect(failureOf({})).toEqual({ code: null, message: null })
    expect(failureOf(null)).toEqual({ code: null, message: null })
  })

  it("returns the next action only when there is one", () => {
    expect(nextActionOf({ next_action: { type: "use_stripe_sdk" } })).toEqual({
      type: "use_stripe_sdk",
    })
    expect(nextActionOf({ next_action: null })).toBeNull()
    expect(nextActionOf(undefined)).toBeNull()
  })
})

describe("paymentStatusOf", () => {
  it("says how much of a succeeded payment was refunded", () => {
    expect(paymentStatusOf({ status: "succeeded" }, 100, 0)).toBe("succeeded")
    expect(paymentStatusOf({ status: "succeeded" }, 100, 40)).toBe("partially_refunded")
    expect(paymentStatusOf({ status: "succeeded" }, 100, 100)).toBe("refunded")
    expect(paymentStatusOf({ status: "failed" }, 0, 0)).toBe("failed")
  })
})

describe("toPaymentMethodView", () => {
  it("shows a card by brand, last digits and expiry only", () => {
    expect(
      toPaymentMethodView({
        id: "pm_1",
        data: {
          type: "card",
          card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030, fingerprint: "x" },
        },
      })
    ).toEqual({
      id: "pm_1",
      type: "card",
      brand: "visa",
      last4: "4242",
      exp_month: 12,
      exp_year: 2030,
    })
    expect(toPaymentMethodView({ id: "pm_2" })).toEqual({
      id: "pm_2",
      type: "card",
      brand: null,
      last4: null,
      exp_month: null,
      exp_year: null,
    })
  })
})
