import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { REVIEW_MODULE } from "../modules/review"
import type ReviewModuleService from "../modules/review/service"
import { forgetCachedReviewsWorkflow } from "../workflows/review/forget-cached-reviews"

/**
 * A customer renamed or deleted through Medusa's own routes (`/store/customers/me`,
 * `/admin/customers/{id}`): their reviews' author name changes, so cached public review
 * answers render afresh. The engine's own routes do it in their workflows, before they
 * answer (updateUserWorkflow, deleteUserWorkflow). A customer without reviews changes no
 * review answer: the whole catalog cache is not thrown away for them.
 */
export default async function forgetCachedReviews({
  event,
  container,
}: SubscriberArgs<{ id?: string }>): Promise<void> {
  const customerId = event.data?.id
  if (!customerId) {
    return
  }
  const [review] = await container
    .resolve<ReviewModuleService>(REVIEW_MODULE)
    .listReviews({ customer_id: customerId }, { select: ["id"], take: 1 })
  if (review) {
    await forgetCachedReviewsWorkflow(container).run()
  }
}

export const config: SubscriberConfig = {
  event: [CustomerWorkflowEvents.UPDATED, CustomerWorkflowEvents.DELETED],
}
