import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { actorOf, requireActorOf } from "../../../utils/auth"
import { sendCatalogAnswer } from "../../../utils/http-cache"
import { readPublicProductReviews } from "../../../../queries/review/public-reviews"
import {
  ensureProductListable,
  loadReviewView,
  productReviewsAnswer,
} from "../../../../queries/review/review-view"
import type { ReviewStatus } from "../../../../modules/review/types"
import { createReviewWorkflow } from "../../../../workflows/review/create-review"
import type { CreateReviewBody, ListReviewsQuery } from "./validators"

const ALL_STATUSES: ReviewStatus[] = ["pending", "approved", "rejected"]

/**
 * Approved reviews for everyone; admins may ask for other statuses (`all` for every one)
 * and see reviews of unpublished products. The rating counts approved reviews only.
 * Everyone but admins gets the cached answer, with the catalog's ETag and Cache-Control.
 */
export async function GET(
  req: MedusaRequest<unknown, ListReviewsQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const isAdmin = actorOf(req)?.role === "admin"
  const status = query.status ?? "approved"
  if (status !== "approved" && !isAdmin) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "Only admins may list reviews that are not approved"
    )
  }
  const productId = req.params.id
  const page = { limit: query.limit, offset: query.offset }
  if (!isAdmin) {
    // What everyone else sees is the same for all: rendered once per catalog generation.
    return sendCatalogAnswer(req, res, await readPublicProductReviews(req.scope, productId, page))
  }
  await ensureProductListable(req.scope, productId, isAdmin)
  const statuses = status === "all" ? ALL_STATUSES : [status]
  res.status(200).json(await productReviewsAnswer(req.scope, productId, statuses, page))
}

/** A customer's review, pending moderation. */
export async function POST(
  req: MedusaRequest<CreateReviewBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const { rating, title, body } = req.validatedBody
  const { result } = await createReviewWorkflow(req.scope).run({
    input: { product_id: req.params.id, customer_id: actor.id, rating, title, body },
  })
  res.status(201).json(await loadReviewView(req.scope, result.id))
}
