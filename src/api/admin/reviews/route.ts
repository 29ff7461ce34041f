import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewQueueView } from "../../../queries/review/review-queue-view"
import type { ReviewQueueQuery } from "./validators"

/** The dashboard's moderation queue: every product's reviews, pending first. */
export async function GET(
  req: MedusaRequest<unknown, ReviewQueueQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  res.status(200).json(await reviewQueueView(req.scope, query, query))
}
