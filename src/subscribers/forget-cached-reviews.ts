import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { forgetCachedReviewsWorkflow } from "../workflows/review/forget-cached-reviews"

/**
 * A customer renamed or deleted through Medusa's own routes (`/store/customers/me`,
 * `/admin/customers/{id}`): their reviews' author name changes, so cached public review
 * answers render afresh. The engine's own routes do it in their workflows, before they
 * answer (updateUserWorkflow, deleteUserWorkflow).
 */
export default async function forgetCachedReviews({
  container,
}: SubscriberArgs<unknown>): Promise<void> {
  await forgetCachedReviewsWorkflow(container).run()
}

export const config: SubscriberConfig = {
  event: [CustomerWorkflowEvents.UPDATED, CustomerWorkflowEvents.DELETED],
}
