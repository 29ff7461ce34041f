import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { recordMedusaCancellationWorkflow } from "../workflows/order/record-medusa-cancellation"

/**
 * An order cancelled in Medusa (the dashboard) is cancelled in the engine's status too
 * (src/workflows/order/record-medusa-cancellation.ts).
 */
export default async function recordMedusaCancellation({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  await recordMedusaCancellationWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.CANCELED }
