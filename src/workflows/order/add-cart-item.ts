import {
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CartWorkflowEvents } from "@medusajs/framework/utils"
import {
  createLineItemsStep,
  emitEventStep,
  refreshCartItemsWorkflow,
  releaseLockStep,
  updateLineItemsStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { ensureStockAvailableStep } from "./steps/ensure-stock-available"
import { loadCartForChangeStep } from "./steps/load-cart-for-change"
import { priceCartLinesStep } from "./steps/price-cart-lines"
import { resolvePurchasableItemsStep } from "./steps/resolve-purchasable-items"

export type AddCartItemInput = { cart_id: string; product_id: string; quantity: number }

/**
 * Adds a product (its primary variant) to a cart, under the cart's lock (the key Medusa's
 * cart workflows use): 404 for an unknown or unpublished product, 409 when the cart would
 * hold more than can be sold. The line is priced and copied as Medusa's addToCartWorkflow
 * does it; an existing line of the same variant grows instead. Medusa's cart refresh
 * (shipping methods, taxes, promotions, payment collection) runs only when the cart has
 * something it could change (docs/DECISIONS.md, "Cart changes without a refresh").
 */
export const addCartItemWorkflow = createWorkflow(
  "order-add-cart-item",
  (input: AddCartItemInput) => {
    const ownedLock = acquireOwnedLockStep({ key: input.cart_id, timeout: 30, ttl: 120 })
    const [items, cart] = parallelize(
      resolvePurchasableItemsStep({
        items: [{ product_id: input.product_id, quantity: input.quantity }],
      }),
      loadCartForChangeStep({ cart_id: input.cart_id })
    )
    const plan = transform({ items, cart }, ({ items, cart }) =>
      items.map((item) => {
        const existing = cart.items.find(
          (line) => line.variant_id === item.variant_id && !line.is_custom_price
        )
        return {
          variant_id: item.variant_id,
          title: item.title,
          existing_id: existing?.id,
          quantity: item.quantity,
          total_quantity: item.quantity + Number(existing?.quantity ?? 0),
          variant: item.variant,
        }
      })
    )
    ensureStockAvailableStep({
      checks: transform({ plan }, ({ plan }) =>
        plan.map((line) => ({
          variant_id: line.variant_id,
          title: line.title,
          quantity: line.total_quantity,
        }))
      ),
      sales_channel_id: transform({ cart }, ({ cart }) => cart.sales_channel_id),
    })
    const priced = priceCartLinesStep({ cart, lines: plan })

    const changes = transform({ plan, priced }, ({ plan, priced }) => ({
      create: priced.filter((_, index) => !plan[index].existing_id),
      update: plan.flatMap((line, index) =>
        line.existing_id
          ? [
              {
                selector: { id: line.existing_id },
                data: { quantity: line.total_quantity, unit_price: priced[index].unit_price },
              },
            ]
          : []
      ),
    }))
    const [created, updated] = parallelize(
      createLineItemsStep({ id: input.cart_id, items: changes.create }),
      updateLineItemsStep({ id: input.cart_id, items: changes.update })
    )

    when("refresh-cart-after-add", { cart }, ({ cart }) => cart.needs_refresh).then(() => {
      refreshCartItemsWorkflow.runAsStep({
        input: {
          cart_id: input.cart_id,
          items: transform({ created, updated }, ({ created, updated }) => [
            ...(created ?? []),
            ...(updated ?? []),
          ]),
        },
      })
    })
    parallelize(
      emitEventStep({ eventName: CartWorkflowEvents.UPDATED, data: { id: input.cart_id } }),
      releaseLockStep({ key: input.cart_id, ownerId: ownedLock.owner_id })
    )
    return new WorkflowResponse(input.cart_id)
  }
)
