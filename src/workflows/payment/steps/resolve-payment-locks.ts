import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "node:crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderLockKey } from "../../order/change-order-status"

/**
 * The locks a payment settlement takes: the order's (status moves, refunds, expiry) and
 * the order's cart's, which Medusa's processPaymentWorkflow takes while it handles the
 * same webhook, so only one of them authorizes a session at a time (Medusa's
 * authorizePaymentSession is idempotent but not safe to run twice at once). Reads only.
 *
 * The two are taken one after the other, the cart first, as every path that holds both
 * does (checkout holds the cart's before anything of its order): one call for both would
 * take them in the order their names sort to (the engine's Redis provider; Medusa's
 * in-memory one takes them as given), which is not that order for every pair. With an
 * owner of its own, so the release is this run's.
 */
export const resolvePaymentLocksStep = createStep(
  "payment-resolve-locks",
  async (input: { order_id: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order_cart",
      fields: ["cart_id"],
      filters: { order_id: input.order_id },
    })
    const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id
    return new StepResponse({
      cart_keys: cartId ? [cartId] : [],
      order_key: orderLockKey(input.order_id),
      owner_id: `payment-settle:${randomUUID()}`,
    })
  }
)
