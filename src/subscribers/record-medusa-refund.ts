import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { recordMedusaRefundWorkflow } from "../workflows/payment/record-medusa-refund"

/**
 * A payment refunded in Medusa (the dashboard) moves the engine's order to
 * partially_refunded or refunded (src/workflows/payment/record-medusa-refund.ts).
 */
export default async function recordMedusaRefund({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  await recordMedusaRefundWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "engine-record-medusa-refund" },
}
