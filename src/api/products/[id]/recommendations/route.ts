import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readProductRecommendations } from "../../../../queries/recommendation/product-recommendations"
import type { RecommendationsQuery } from "./validators"

/** Products bought together with this one, else similar or popular ones (cached JSON). */
export async function GET(
  req: MedusaRequest<unknown, RecommendationsQuery>,
  res: MedusaResponse
): Promise<void> {
  const body = await readProductRecommendations(req.scope, req.params.id, req.validatedQuery.limit)
  res.type("application/json").send(body)
}
