import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { PAYMENT_LEDGER_MODULE } from "../modules/payment-ledger"
import type PaymentLedgerModuleService from "../modules/payment-ledger/service"
import { recordMedusaRefundWorkflow } from "../workflows/payment/record-medusa-refund"
import { settlePaymentWorkflow } from "../workflows/payment/settle-payment"

/**
 * A payment captured anywhere (Medusa's webhook handling, the admin dashboard, a status
 * move) settles its order: a pending order becomes paid. Settling what is already settled
 * changes nothing and emits nothing, so this does not loop.
 *
 * Then the order's refunds are recorded (src/workflows/payment/record-medusa-refund.ts): a
 * refund made in the dashboard right after the capture may have been handled
 * (`payment.refunded`) while this settlement waited for its locks (Medusa's handling of
 * the capture's Stripe webhook holds the cart's), when the order was still pending and
 * could not move to a refund status. Recording refunds already recorded changes nothing.
 */
export default async function settleCapturedPayment({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_session.id"],
    filters: { id: event.data.id },
  })
  const sessionId = (data[0] as { payment_session?: { id: string } | null } | undefined)
    ?.payment_session?.id
  if (!sessionId) {
    return
  }
  const [attempt] = await container
    .resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    .listPaymentAttempts({ session_id: sessionId }, { take: 1 })
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
  await recordMedusaRefundWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "engine-settle-captured-payment" },
}
