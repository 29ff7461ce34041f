import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CartWorkflowEvents } from "@medusajs/framework/utils"
import { createCartsStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { findCustomerCartStep } from "./steps/find-customer-cart"
import { prepareCustomerCartStep } from "./steps/prepare-customer-cart"

export type EnsureCustomerCartInput = { customer_id: string }

/**
 * The customer's open cart, created on first use in the store's default region and sales
 * channel for the customer (so Medusa's /store/carts routes and the js-sdk see the same
 * cart). Serialised per customer, so two first requests make one cart.
 *
 * The cart is made as Medusa's createCartWorkflow makes one without items (same fields,
 * same `cart.created` event) but without its refreshes of taxes, promotions and payment
 * collection, which have nothing to act on in an empty cart: 8 statements instead of 45
 * (docs/DECISIONS.md, "Cart changes without a refresh").
 */
export const ensureCustomerCartWorkflow = createWorkflow(
  "order-ensure-customer-cart",
  (input: EnsureCustomerCartInput) => {
    const lockKey = transform({ input }, ({ input }) => `customer-cart:${input.customer_id}`)
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 15, ttl: 30 })
    const existing = findCustomerCartStep({ customer_id: input.customer_id })
    const created = when("create-customer-cart", { existing }, ({ existing }) => !existing).then(
      () => {
        const cart = prepareCustomerCartStep({ customer_id: input.customer_id })
        const carts = createCartsStep(transform({ cart }, ({ cart }) => [cart]))
        const createdId = transform({ carts }, ({ carts }) => carts[0].id)
        emitEventStep({
          eventName: CartWorkflowEvents.CREATED,
          data: transform({ createdId }, ({ createdId }) => ({ id: createdId })),
        })
        return createdId
      }
    )
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    const cartId = transform(
      { existing, created },
      ({ existing, created }) => (existing ?? created) as string
    )
    return new WorkflowResponse(cartId)
  }
)
