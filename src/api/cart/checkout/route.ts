import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requireActorOf } from "../../utils/auth"
import { runIdempotent } from "../../utils/idempotency"
import { findOpenCartId } from "../../../queries/order/open-cart"
import { placedOrderViewOf } from "../../../queries/order/placed-order-view"
import { checkoutCartWorkflow } from "../../../workflows/order/checkout-cart"
import type { CheckoutBody } from "../validators"

/**
 * Checks out the customer's open cart: 201 with the pending order and its payment. With an
 * Idempotency-Key, a retry gets the same order back instead of a 409 or a second order.
 */
export async function POST(req: MedusaRequest<CheckoutBody>, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  await runIdempotent(req, res, "POST /cart/checkout", async () => {
    const cartId = await findOpenCartId(req.scope, actor.id)
    if (!cartId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The cart is empty")
    }
    const { result } = await checkoutCartWorkflow(req.scope).run({
      input: {
        cart_id: cartId,
        customer_id: actor.id,
        ...req.validatedBody,
        actor: { type: "customer", id: actor.id },
      },
    })
    return { status: 201, body: placedOrderViewOf(result.placed) }
  })
}
