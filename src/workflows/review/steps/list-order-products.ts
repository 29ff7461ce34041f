import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { queryGraph } from "../../../queries/graph"

export type ListOrderProductsInput = { order_id: string }

/** The products of an order's lines (read only: nothing to undo). */
export const listOrderProductsStep = createStep(
  "review-list-order-products",
  async (input: ListOrderProductsInput, { container }) => {
    const { data } = await queryGraph<{ items?: ({ product_id?: string | null } | null)[] }>(
      container,
      { entity: "order", fields: ["items.product_id"], filters: { id: input.order_id } }
    )
    const productIds = new Set(
      data.flatMap((order) => (order.items ?? []).flatMap((item) => item?.product_id ?? []))
    )
    return new StepResponse([...productIds])
  }
)
