import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { loadCartView } from "../../../queries/order/cart-view"
import { removeCartItemWorkflow } from "../../../workflows/order/remove-cart-item"
import { updateCartItemWorkflow } from "../../../workflows/order/update-cart-item"
import type { UpdateCartItemBody } from "../validators"

/** Sets a line's quantity (0 removes it) and returns the cart. */
export async function PUT(
  req: MedusaRequest<UpdateCartItemBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const { result: cartId } = await updateCartItemWorkflow(req.scope).run({
    input: {
      customer_id: actor.id,
      item_id: req.params.item_id,
      quantity: req.validatedBody.quantity,
    },
  })
  res.status(200).json(await loadCartView(req.scope, cartId))
}

/** Removes a line and returns the cart. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  const { result: cartId } = await removeCartItemWorkflow(req.scope).run({
    input: { customer_id: actor.id, item_id: req.params.item_id },
  })
  res.status(200).json(await loadCartView(req.scope, cartId))
}
