import { ContainerRegistrationKeys, OrderStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ComputeVerifiedPurchaseInput = { customer_id: string; product_id: string }

type OrderRow = { id: string; status: string; items?: ({ product_id?: string | null } | null)[] }

/**
 * Whether the customer has an order (any status but canceled) with a line item of this
 * product, from Medusa's order module (read only: nothing to undo).
 */
export const computeVerifiedPurchaseStep = createStep(
  "review-compute-verified-purchase",
  async (input: ComputeVerifiedPurchaseInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "status", "items.product_id"],
      // Typed loosely: Medusa's generated query types (.medusa/types, written by
      // `medusa develop`) do not know the nested item filter, though Query applies it.
      filters: {
        customer_id: input.customer_id,
        status: { $ne: OrderStatus.CANCELED },
        items: { product_id: input.product_id },
      } as Record<string, unknown>,
    })
    // The nested filter narrows the orders; the items are checked again here so the
    // answer never depends on how the filter joins.
    const verified = (data as OrderRow[]).some(
      (order) =>
        order.status !== OrderStatus.CANCELED &&
        (order.items ?? []).some((item) => item?.product_id === input.product_id)
    )
    return new StepResponse(verified)
  }
)
