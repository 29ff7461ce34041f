import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { removeUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { anonymiseCustomerStep } from "./steps/anonymise-customer"
import { invalidateCatalogCacheStep } from "../catalog/steps/invalidate-catalog-cache"
import { removeLoginStep } from "./steps/remove-login"
import { revokeSessionsStep } from "./steps/revoke-sessions"
import { setActorBlockedStep } from "./steps/set-actor-blocked"
import { upsertProfileStep } from "./steps/upsert-profile"

/**
 * DELETE /users/{id}. A customer is deactivated and anonymised: personal data replaced,
 * username and preferences cleared, password login deleted, every token refused; the
 * customer record and its orders stay. An admin user is removed with Medusa's own
 * workflow (user and login), and its tokens refused.
 */
export const deleteUserWorkflow = createWorkflow(
  "identity-delete-user",
  (input: { actor_type: "customer" | "user"; actor_id: string }) => {
    const blocked = transform({ input }, ({ input }) => ({
      actor_id: input.actor_id,
      blocked: true,
    }))
    when({ input }, ({ input }) => input.actor_type === "customer").then(() => {
      const profile = transform({ input }, ({ input }) => ({
        actor_type: input.actor_type,
        actor_id: input.actor_id,
        username: null,
        preferences: {},
        replace_preferences: true,
        deactivated_at: new Date(),
      }))
      upsertProfileStep(profile)
      const customer = transform({ input }, ({ input }) => ({ customer_id: input.actor_id }))
      anonymiseCustomerStep(customer)
      removeLoginStep(customer)
      // The customer's reviews now show "Anonymous": cached public answers render afresh.
      invalidateCatalogCacheStep().config({ name: "identity-forget-cached-reviews" })
    })
    when({ input }, ({ input }) => input.actor_type === "user").then(() => {
      const user = transform({ input }, ({ input }) => ({ userId: input.actor_id }))
      removeUserAccountWorkflow.runAsStep({ input: user })
    })
    setActorBlockedStep(blocked)
    const actors = transform({ input }, ({ input }) => ({ actor_ids: [input.actor_id] }))
    revokeSessionsStep(actors)
    return new WorkflowResponse(undefined)
  }
)
