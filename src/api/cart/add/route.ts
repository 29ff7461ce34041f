import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { addToOpenCart } from "../helpers"
import { loadCartView } from "../../../queries/order/cart-view"
import type { AddToCartBody } from "../validators"

/** Adds a product to the customer's open cart (made on first use) and returns the cart. */
export async function POST(req: MedusaRequest<AddToCartBody>, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  const cartId = await addToOpenCart(req.scope, actor.id, req.validatedBody)
  res.status(200).json(await loadCartView(req.scope, cartId))
}
