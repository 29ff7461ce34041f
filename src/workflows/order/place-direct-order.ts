import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { DIRECT_ORDER_METADATA } from "../../utils/order/cart-kinds"
import type { StatusActor } from "../../modules/order-lifecycle/types"
import { checkoutCartWorkflow, type CheckoutAddress, type CheckoutResult } from "./checkout-cart"
import { ensureStockAvailableStep } from "./steps/ensure-stock-available"
import { resolveCartDefaultsStep } from "./steps/resolve-cart-defaults"
import {
  resolvePurchasableItemsStep,
  type PurchaseRequest,
} from "./steps/resolve-purchasable-items"

export type PlaceDirectOrderInput = {
  customer_id: string
  items: PurchaseRequest[]
  shipping_address: CheckoutAddress
  billing_address?: CheckoutAddress
  shipping_option_id?: string
  actor: StatusActor
}

/**
 * An order without the customer's cart (POST /orders/): a transient cart is made with the
 * items (Medusa prices them) and checked out by the same workflow as a cart, so stock
 * holds, payment and history are identical. The transient cart never shows as the
 * customer's open cart; a failure compensates it away with everything else.
 */
export const placeDirectOrderWorkflow = createWorkflow(
  "order-place-direct-order",
  (input: PlaceDirectOrderInput) => {
    const items = resolvePurchasableItemsStep({ items: input.items })
    const defaults = resolveCartDefaultsStep({})
    const checks = transform({ items }, ({ items }) =>
      items.map((item) => ({
        variant_id: item.variant_id,
        quantity: item.quantity,
        title: item.title,
      }))
    )
    ensureStockAvailableStep({ checks, sales_channel_id: defaults.sales_channel_id })
    const cartInput = transform({ input, items, defaults }, ({ input, items, defaults }) => ({
      customer_id: input.customer_id,
      region_id: defaults.region_id,
      sales_channel_id: defaults.sales_channel_id ?? undefined,
      metadata: { ...DIRECT_ORDER_METADATA },
      items: items.map((item) => ({ variant_id: item.variant_id, quantity: item.quantity })),
    }))
    const cart = createCartWorkflow.runAsStep({ input: cartInput })
    const checkoutInput = transform({ input, cart }, ({ input, cart }) => ({
      cart_id: cart.id,
      customer_id: input.customer_id,
      shipping_address: input.shipping_address,
      billing_address: input.billing_address,
      shipping_option_id: input.shipping_option_id,
      actor: input.actor,
    }))
    const result = checkoutCartWorkflow.runAsStep({ input: checkoutInput })
    return new WorkflowResponse<CheckoutResult>(result)
  }
)
