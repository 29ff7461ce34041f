import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { lifecycleOf } from "../helpers"

/** For the order page's widget: status, history and allowed moves (dashboard session). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.status(200).json(await lifecycleOf(req, req.params.id))
}
