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
  updateLineItemsStep,
} from "@medusajs/medusa/core-flows"
import { lockCustomerCartItem } from "./lock-customer-cart-item"
import { ensureStockAvailableStep } from "./steps/ensure-stock-available"
import { priceCartLinesStep } from "./steps/price-cart-lines"

export type UpdateCartItemInput = { customer_id: string; item_id: string; quantity: number }

/**
 * Sets a line's quantity in the customer's open cart; 0 removes the line. Another
 * customer's line is a 404; more than can be sold is a 409. The line is re-priced for its
 * new quantity as Medusa's updateLineItemInCartWorkflow does; Medusa's cart refresh runs
 * only when the cart has something it could change (see addCartItemWorkflow).
 */
export const updateCartItemWorkflow = createWorkflow(
  "order-update-cart-item",
  (input: UpdateCartItemInput) => {
    const { item, cart, ownedLock } = lockCustomerCartItem(input)

    when("remove-cart-line", { input }, ({ input }) => input.quantity === 0).then(() => {
      deleteLineItemsStep(transform({ item }, ({ item }) => [item.id]))
    })
    const updated = when(
      "set-cart-line-quantity",
      { input },
      ({ input }) => input.quantity > 0
    ).then(() => {
      const line = transform({ item, input }, ({ item, input }) => ({
        variant_id: item.variant_id ?? "",
        title: item.product_title ?? item.title,
        quantity: item.variant_id ? input.quantity : 0,
      }))
      ensureStockAvailableStep({
        checks: transform({ line }, ({ line }) => [line]),
        sales_channel_id: item.sales_channel_id,
      })
      const priced = priceCartLinesStep({
        cart,
        lines: transform({ item, input, cart }, ({ item, input, cart }) => {
          const current = cart.items.find((row) => row.id === item.id)
          return item.variant_id && !current?.is_custom_price
            ? [
                {
                  variant_id: item.variant_id,
                  quantity: input.quantity,
                  total_quantity: input.quantity,
                },
              ]
            : []
        }),
      })
      return updateLineItemsStep({
        id: item.cart_id,
        items: transform({ item, input, priced }, ({ item, input, priced }) => [
          {
            selector: { id: item.id },
            data: priced.length
              ? { quantity: input.quantity, unit_price: priced[0].unit_price }
              : { quantity: input.quantity },
          },
        ]),
      })
    })

    when("refresh-cart-after-update", { cart }, ({ cart }) => cart.needs_refresh).then(() => {
      refreshCartItemsWorkflow.runAsStep({
        input: {
          cart_id: item.cart_id,
          items: transform({ updated }, ({ updated }) => updated ?? []),
        },
      })
    })
    parallelize(
      emitEventStep({ eventName: CartWorkflowEvents.UPDATED, data: { id: item.cart_id } }),
      releaseLockStep({ key: item.cart_id, ownerId: ownedLock.owner_id })
    )
    return new WorkflowResponse(item.cart_id)
  }
)
