import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { openCartIdOf } from "../helpers"
import { loadCartView } from "../../../queries/order/cart-view"
import { addCartItemWorkflow } from "../../../workflows/order/add-cart-item"
import type { AddToCartBody } from "../validators"

/** Adds a product to the customer's open cart (made on first use) and returns the cart. */
export async function POST(req: MedusaRequest<AddToCartBody>, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  const cartId = await openCartIdOf(req.scope, actor.id)
  await addCartItemWorkflow(req.scope).run({
    input: { cart_id: cartId, ...req.validatedBody },
  })
  res.status(200).json(await loadCartView(req.scope, cartId))
}
