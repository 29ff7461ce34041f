import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../lib/http/auth"
import { loadCartView } from "../../lib/order/cart-view"
import { ensureCustomerCartWorkflow } from "../../workflows/order/ensure-customer-cart"

/** The customer's open cart, created on first use. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  const { result: cartId } = await ensureCustomerCartWorkflow(req.scope).run({
    input: { customer_id: actor.id },
  })
  res.status(200).json(await loadCartView(req.scope, cartId))
}
