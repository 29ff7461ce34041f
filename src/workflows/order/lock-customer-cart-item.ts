import type { WorkflowData } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep } from "@medusajs/medusa/core-flows"
import { loadCustomerCartItemStep, type CustomerCartItem } from "./steps/load-customer-cart-item"

/**
 * Composition shared by the cart-line workflows: finds the customer's line (404 when it is
 * not theirs), takes its cart's lock (Medusa's key) and reads the line again under the
 * lock, since a checkout that held it may have completed the cart meanwhile. The caller
 * releases the lock with `releaseLockStep({ key: item.cart_id })`.
 */
export function lockCustomerCartItem(input: { customer_id: string; item_id: string }) {
  const found = loadCustomerCartItemStep({
    item_id: input.item_id,
    customer_id: input.customer_id,
  })
  acquireLockStep({ key: found.cart_id, timeout: 30, ttl: 120 })
  const item: WorkflowData<CustomerCartItem> = loadCustomerCartItemStep({
    item_id: input.item_id,
    customer_id: input.customer_id,
  }).config({ name: "order-reload-customer-cart-item" })
  return item
}
