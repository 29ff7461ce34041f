import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  deleteLineItemsWorkflow,
  releaseLockStep,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { ensureStockAvailableStep } from "./steps/ensure-stock-available"
import { lockCustomerCartItem } from "./lock-customer-cart-item"

export type UpdateCartItemInput = { customer_id: string; item_id: string; quantity: number }

/**
 * Sets a line's quantity in the customer's open cart through Medusa's workflows; 0 removes
 * the line. Another customer's line is a 404; more than can be sold is a 409.
 */
export const updateCartItemWorkflow = createWorkflow(
  "order-update-cart-item",
  (input: UpdateCartItemInput) => {
    const item = lockCustomerCartItem(input)

    when("remove-cart-line", { input }, ({ input }) => input.quantity === 0).then(() => {
      deleteLineItemsWorkflow.runAsStep({ input: { cart_id: item.cart_id, ids: [item.id] } })
    })
    when("set-cart-line-quantity", { input }, ({ input }) => input.quantity > 0).then(() => {
      const checks = transform({ item, input }, ({ item, input }) => [
        {
          variant_id: item.variant_id ?? "",
          title: item.product_title ?? item.title,
          quantity: item.variant_id ? input.quantity : 0,
        },
      ])
      ensureStockAvailableStep({ checks, sales_channel_id: item.sales_channel_id })
      updateLineItemInCartWorkflow.runAsStep({
        input: { cart_id: item.cart_id, item_id: item.id, update: { quantity: input.quantity } },
      })
    })

    releaseLockStep({ key: item.cart_id })
    return new WorkflowResponse(item.cart_id)
  }
)
