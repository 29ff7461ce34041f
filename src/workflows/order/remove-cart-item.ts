import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteLineItemsWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { lockCustomerCartItem } from "./lock-customer-cart-item"

export type RemoveCartItemInput = { customer_id: string; item_id: string }

/** Removes a line from the customer's open cart; another customer's line is a 404. */
export const removeCartItemWorkflow = createWorkflow(
  "order-remove-cart-item",
  (input: RemoveCartItemInput) => {
    const item = lockCustomerCartItem(input)
    deleteLineItemsWorkflow.runAsStep({ input: { cart_id: item.cart_id, ids: [item.id] } })
    releaseLockStep({ key: item.cart_id })
    return new WorkflowResponse(item.cart_id)
  }
)
