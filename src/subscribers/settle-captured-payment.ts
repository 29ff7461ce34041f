import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { findAttemptOfPayment } from "../lib/payment/attempt-of-payment"
import { settlePaymentWorkflow } from "../workflows/payment/settle-payment"

/**
 * A payment captured anywhere (Medusa's webhook handling, the admin dashboard, a status
 * move) settles its order: a pending order becomes paid. Settling what is already settled
 * changes nothing and emits nothing, so this does not loop.
 */
export default async function settleCapturedPayment({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  const attempt = await findAttemptOfPayment(container, event.data.id)
  if (!attempt) {
    return
  }
  await settlePaymentWorkflow(container).run({
    input: {
      attempt_id: attempt.id,
      actor: { type: "system", id: null },
      note: "Payment captured",
      allow_capture: false,
    },
  })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "engine-settle-captured-payment" },
}
