import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createCartWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { findCustomerCartStep } from "./steps/find-customer-cart"
import { resolveCartDefaultsStep } from "./steps/resolve-cart-defaults"

export type EnsureCustomerCartInput = { customer_id: string }

/**
 * The customer's open cart, created on first use in the store's default region and sales
 * channel and linked to the customer (so Medusa's /store/carts routes and the js-sdk see
 * the same cart). Serialised per customer, so two first requests make one cart.
 */
export const ensureCustomerCartWorkflow = createWorkflow(
  "order-ensure-customer-cart",
  (input: EnsureCustomerCartInput) => {
    const lockKey = transform({ input }, ({ input }) => `customer-cart:${input.customer_id}`)
    acquireLockStep({ key: lockKey, timeout: 15, ttl: 30 })
    const existing = findCustomerCartStep({ customer_id: input.customer_id })
    const created = when("create-customer-cart", { existing }, ({ existing }) => !existing).then(
      () => {
        const defaults = resolveCartDefaultsStep({})
        return createCartWorkflow.runAsStep({
          input: {
            customer_id: input.customer_id,
            region_id: defaults.region_id,
            sales_channel_id: defaults.sales_channel_id ?? undefined,
          },
        })
      }
    )
    releaseLockStep({ key: lockKey })
    const cartId = transform(
      { existing, created },
      ({ existing, created }) => existing ?? (created as { id: string }).id
    )
    return new WorkflowResponse(cartId)
  }
)
