import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import {
  orderPaymentsHaveRefunds,
  readCapturedPaymentState,
} from "../queries/payment/captured-payment"
import { recordMedusaRefundWorkflow } from "../workflows/payment/record-medusa-refund"
import { settlePaymentWorkflow } from "../workflows/payment/settle-payment"

/**
 * A payment captured anywhere (Medusa's webhook handling, the admin dashboard, a status
 * move) settles its order: a pending order becomes paid. Settling what is already settled
 * changes nothing and emits nothing, so this does not loop. An attempt that succeeded for
 * an order that is no longer pending is such a case (the settlement that marked the attempt
 * moved the order, and an order never goes back to pending), so it is not settled again:
 * Stripe's automatic capture emits `payment.captured` at the customer's confirmation and
 * again from Medusa's handling of the webhook, each a settlement of ≈ 13 statements and
 * four lock round trips for nothing (docs/PERFORMANCE.md, "Where the scenario's time goes").
 *
 * Then the order's refunds are recorded (src/workflows/payment/record-medusa-refund.ts), when
 * a payment of the order has any: a refund made in the dashboard right after the capture may have
 * been handled (`payment.refunded`) while this settlement waited for its locks (Medusa's
 * handling of the capture's Stripe webhook holds the cart's), when the order was still
 * pending and could not move to a refund status. Recording refunds already recorded
 * changes nothing. The check comes after the settlement, so such a refund is seen.
 */
export default async function settleCapturedPayment({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  const state = await readCapturedPaymentState(container, event.data.id)
  if (!state) {
    return
  }
  const settled = state.attempt_status === "succeeded" && state.order_status !== "pending"
  if (!settled) {
    await settlePaymentWorkflow(container).run({
      input: {
        attempt_id: state.attempt_id,
        actor: { type: "system", id: null },
        note: "Payment captured",
        allow_capture: false,
      },
    })
  }
  if (await orderPaymentsHaveRefunds(container, event.data.id)) {
    await recordMedusaRefundWorkflow(container).run({ input: { payment_id: event.data.id } })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "engine-settle-captured-payment" },
}
