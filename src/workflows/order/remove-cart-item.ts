import {
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CartWorkflowEvents } from "@medusajs/framework/utils"
import {
  deleteLineItemsStep,
  emitEventStep,
  refreshCartItemsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { lockCustomerCartItem } from "./lock-customer-cart-item"

export type RemoveCartItemInput = { customer_id: string; item_id: string }

/**
 * Removes a line from the customer's open cart; another customer's line is a 404. Medusa's
 * cart refresh runs only when the cart has something it could change (see
 * addCartItemWorkflow).
 */
export const removeCartItemWorkflow = createWorkflow(
  "order-remove-cart-item",
  (input: RemoveCartItemInput) => {
    const { item, cart, ownedLock } = lockCustomerCartItem(input)
    deleteLineItemsStep(transform({ item }, ({ item }) => [item.id]))
    when("refresh-cart-after-remove", { cart }, ({ cart }) => cart.needs_refresh).then(() => {
      refreshCartItemsWorkflow.runAsStep({ input: { cart_id: item.cart_id } })
    })
    parallelize(
      emitEventStep({ eventName: CartWorkflowEvents.UPDATED, data: { id: item.cart_id } }),
      releaseLockStep({ key: item.cart_id, ownerId: ownedLock.owner_id })
    )
    return new WorkflowResponse(item.cart_id)
  }
)
