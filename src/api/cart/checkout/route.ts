import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../lib/http/auth"
import { runIdempotent } from "../../../lib/http/idempotency"
import { loadPlacedOrder } from "../../../lib/order/checkout-view"
import { checkoutCartWorkflow } from "../../../workflows/order/checkout-cart"
import { ensureCustomerCartWorkflow } from "../../../workflows/order/ensure-customer-cart"
import type { CheckoutBody } from "../validators"

/**
 * Checks out the customer's open cart: 201 with the pending order and its payment. With an
 * Idempotency-Key, a retry gets the same order back instead of a 409 or a second order.
 */
export async function POST(req: MedusaRequest<CheckoutBody>, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  await runIdempotent(req, res, "POST /cart/checkout", async () => {
    const { result: cartId } = await ensureCustomerCartWorkflow(req.scope).run({
      input: { customer_id: actor.id },
    })
    const { result } = await checkoutCartWorkflow(req.scope).run({
      input: {
        cart_id: cartId,
        customer_id: actor.id,
        ...req.validatedBody,
        actor: { type: "customer", id: actor.id },
      },
    })
    return { status: 201, body: await loadPlacedOrder(req.scope, result) }
  })
}
