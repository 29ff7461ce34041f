import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../../utils/auth"
import { loadReviewView } from "../../../../../queries/review/review-view"
import { deleteReviewWorkflow } from "../../../../../workflows/review/delete-review"
import { moderateReviewWorkflow } from "../../../../../workflows/review/moderate-review"
import type { ModerateReviewBody } from "../validators"

/** Admins approve or reject a review; the product's rating follows. */
export async function PUT(
  req: MedusaRequest<ModerateReviewBody>,
  res: MedusaResponse
): Promise<void> {
  const admin = requireActorOf(req)
  await moderateReviewWorkflow(req.scope).run({
    input: {
      product_id: req.params.id,
      review_id: req.params.review_id,
      status: req.validatedBody.status,
      moderated_by: admin.id,
    },
  })
  res.status(200).json(await loadReviewView(req.scope, req.params.review_id))
}

/** Admins delete a review (soft delete); the product's rating follows. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await deleteReviewWorkflow(req.scope).run({
    input: { product_id: req.params.id, review_id: req.params.review_id },
  })
  res.status(204).send()
}
