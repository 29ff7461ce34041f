import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../utils/auth"
import { openCartIdOf } from "./helpers"
import { loadCartView } from "../../queries/order/cart-view"

/** The customer's open cart, created on first use. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  const cartId = await openCartIdOf(req.scope, actor.id)
  res.status(200).json(await loadCartView(req.scope, cartId))
}
