import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The id of the order a Medusa payment belongs to (null when none). Reads only. */
export const findOrderOfPaymentStep = createStep(
  "payment-find-order-of-payment",
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: payments } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection_id"],
      filters: { id: input.payment_id },
    })
    const collectionId = (payments[0] as { payment_collection_id?: string } | undefined)
      ?.payment_collection_id
    if (!collectionId) {
      return new StepResponse<string | null>(null)
    }
    const { data: links } = await query.graph({
      entity: "order_payment_collection",
      fields: ["order_id"],
      filters: { payment_collection_id: collectionId },
    })
    return new StepResponse<string | null>(
      (links[0] as { order_id?: string } | undefined)?.order_id ?? null
    )
  }
)
