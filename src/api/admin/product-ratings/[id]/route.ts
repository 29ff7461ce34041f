import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { productRatingSummary } from "../../../../queries/review/product-rating-summary"

/** A product's rating, approved review count and reviews awaiting moderation. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.status(200).json(await productRatingSummary(req.scope, req.params.id))
}
