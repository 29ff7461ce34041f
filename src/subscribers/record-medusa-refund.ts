import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { findAttemptOfPayment } from "../lib/payment/attempt-of-payment"
import { recordMedusaRefundWorkflow } from "../workflows/payment/record-medusa-refund"
import { settlePaymentWorkflow } from "../workflows/payment/settle-payment"

/**
 * A payment refunded in Medusa (the dashboard) moves the engine's order to
 * partially_refunded or refunded (src/workflows/payment/record-medusa-refund.ts).
 *
 * The payment is settled first (nothing captured, only a pending order marked paid): a
 * capture made in the dashboard just before the refund may not have paid the order yet
 * (its own event is handled concurrently), and a pending order cannot move to a refund
 * status. Settling a settled payment changes nothing.
 */
export default async function recordMedusaRefund({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  const attempt = await findAttemptOfPayment(container, event.data.id)
  if (attempt) {
    await settlePaymentWorkflow(container).run({
      input: {
        attempt_id: attempt.id,
        actor: { type: "system", id: null },
        note: "Payment captured",
        allow_capture: false,
      },
    })
  }
  await recordMedusaRefundWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "engine-record-medusa-refund" },
}
