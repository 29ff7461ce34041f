import { settlesAttempt } from "../webhook-events"

describe("settlesAttempt", () => {
  it("settles on PaymentIntent events that can change the attempt, not on its creation", () => {
    for (const type of [
      "payment_intent.succeeded",
      "payment_intent.payment_failed",
      "payment_intent.requires_action",
      "payment_intent.canceled",
      "payment_intent.processing",
      "payment_intent.amount_capturable_updated",
    ]) {
      expect([type, settlesAttempt(type)]).toEqual([type, true])
    }
    for (const type of ["payment_intent.created", "charge.succeeded", "charge.refunded"]) {
      expect([type, settlesAttempt(type)]).toEqual([type, false])
    }
  })
})
