import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addToCartWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { ensureStockAvailableStep } from "./steps/ensure-stock-available"
import { resolvePurchasableItemsStep } from "./steps/resolve-purchasable-items"

export type AddCartItemInput = { cart_id: string; product_id: string; quantity: number }

/** What the cart query below selects (useQueryGraphStep types the whole entity). */
type CartQuantities = {
  sales_channel_id: string | null
  items?: { variant_id: string | null; quantity: number }[]
}

/**
 * Adds a product (its primary variant) to a cart through Medusa's addToCartWorkflow, after
 * checking that the cart would not then hold more than can be sold (409) and that the
 * product is published (404). Under the cart's lock, the key Medusa's cart workflows use.
 */
export const addCartItemWorkflow = createWorkflow(
  "order-add-cart-item",
  (input: AddCartItemInput) => {
    acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 120 })
    const items = resolvePurchasableItemsStep({
      items: [{ product_id: input.product_id, quantity: input.quantity }],
    })
    const { data: cart } = useQueryGraphStep({
      entity: "cart",
      fields: ["id", "sales_channel_id", "items.variant_id", "items.quantity"],
      filters: { id: input.cart_id },
      options: { isList: false, throwIfKeyNotFound: true },
    })
    const checks = transform({ items, cart }, ({ items, cart }) => {
      const current = cart as CartQuantities
      return items.map((item) => ({
        variant_id: item.variant_id,
        title: item.title,
        quantity:
          item.quantity +
          (current.items ?? [])
            .filter((line) => line.variant_id === item.variant_id)
            .reduce((sum, line) => sum + Number(line.quantity), 0),
      }))
    })
    const salesChannelId = transform(
      { cart },
      ({ cart }) => (cart as CartQuantities).sales_channel_id
    )
    ensureStockAvailableStep({ checks, sales_channel_id: salesChannelId })
    const toAdd = transform({ items }, ({ items }) =>
      items.map((item) => ({ variant_id: item.variant_id, quantity: item.quantity }))
    )
    addToCartWorkflow.runAsStep({ input: { cart_id: input.cart_id, items: toAdd } })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(input.cart_id)
  }
)
