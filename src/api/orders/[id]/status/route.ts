import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../utils/auth"
import { loadOrderFor } from "../../../../queries/order/order-access"
import { moveOrderStatusAsAdmin } from "../../helpers"
import type { ChangeStatusBody } from "../../validators"

/** Moves an order along its status machine (admin); illegal moves are a 409. */
export async function PUT(
  req: MedusaRequest<ChangeStatusBody>,
  res: MedusaResponse
): Promise<void> {
  await moveOrderStatusAsAdmin(req)
  res.status(200).json(await loadOrderFor(req.scope, requireActorOf(req), req.params.id))
}
