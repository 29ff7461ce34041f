import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../utils/auth"
import { moderateReviews } from "../../../../tasks/review/moderate-many"
import type { ModerateReviewsBody } from "../validators"

/** Approves or rejects one or many reviews (each on its own; see `results`). */
export async function POST(
  req: MedusaRequest<ModerateReviewsBody>,
  res: MedusaResponse
): Promise<void> {
  const admin = requireActorOf(req)
  const results = await moderateReviews(req.scope, { ...req.validatedBody, moderated_by: admin.id })
  res.status(200).json({ results })
}
