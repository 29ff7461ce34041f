import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  deleteLineItemsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { loadCustomerCartItemStep } from "./steps/load-customer-cart-item"

export type RemoveCartItemInput = { customer_id: string; item_id: string }

/** Removes a line from the customer's open cart; another customer's line is a 404. */
export const removeCartItemWorkflow = createWorkflow(
  "order-remove-cart-item",
  (input: RemoveCartItemInput) => {
    const found = loadCustomerCartItemStep({
      item_id: input.item_id,
      customer_id: input.customer_id,
    })
    acquireLockStep({ key: found.cart_id, timeout: 30, ttl: 120 })
    // Again under the lock: a checkout that held it may have completed the cart meanwhile.
    const item = loadCustomerCartItemStep({
      item_id: input.item_id,
      customer_id: input.customer_id,
    }).config({ name: "order-reload-customer-cart-item" })
    deleteLineItemsWorkflow.runAsStep({ input: { cart_id: item.cart_id, ids: [item.id] } })
    releaseLockStep({ key: item.cart_id })
    return new WorkflowResponse(item.cart_id)
  }
)
