import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { loadCustomerCartItemStep } from "./steps/load-customer-cart-item"
import { loadCartForChangeStep } from "./steps/load-cart-for-change"

/**
 * Composition shared by the cart-line workflows: finds the customer's line (404 when it is
 * not theirs), takes its cart's lock (Medusa's key) and reads the cart under the lock,
 * which is a 404 too when a checkout completed the cart or another request removed the
 * line meanwhile. The caller releases the lock as its owner:
 * `releaseLockStep({ key: item.cart_id, ownerId: ownedLock.owner_id })`.
 */
export function lockCustomerCartItem(input: { customer_id: string; item_id: string }) {
  const item = loadCustomerCartItemStep({
    item_id: input.item_id,
    customer_id: input.customer_id,
  })
  const ownedLock = acquireOwnedLockStep({ key: item.cart_id, timeout: 30, ttl: 120 })
  const cart = loadCartForChangeStep({ cart_id: item.cart_id, item_id: input.item_id })
  return { item, cart, ownedLock }
}
