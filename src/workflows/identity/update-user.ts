import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { updateCustomersWorkflow, updateUsersWorkflow } from "@medusajs/medusa/core-flows"
import { ensureUsernameFreeStep } from "./steps/ensure-username-free"
import { revokeSessionsStep } from "./steps/revoke-sessions"
import { setActorBlockedStep } from "./steps/set-actor-blocked"
import { upsertProfileStep } from "./steps/upsert-profile"
import { invalidateCatalogCacheStep } from "../catalog/steps/invalidate-catalog-cache"

export type UpdateUserInput = {
  actor_type: "customer" | "user"
  actor_id: string
  first_name?: string | null
  last_name?: string | null
  username?: string
  preferences?: Record<string, unknown>
  /** Admin only (the route checks): false deactivates, true reactivates. */
  is_active?: boolean
}

/**
 * PUT /users/{id}: names on Medusa's customer or user (Medusa's own update workflows),
 * username, preferences and activation on the profile. Deactivation signs the user out
 * everywhere and refuses its tokens until reactivated.
 */
export const updateUserWorkflow = createWorkflow(
  "identity-update-user",
  (input: UpdateUserInput) => {
    ensureUsernameFreeStep({ username: input.username, actor_id: input.actor_id })

    const names = transform({ input }, ({ input }) => {
      const update: { first_name?: string | null; last_name?: string | null } = {}
      if (input.first_name !== undefined) update.first_name = input.first_name
      if (input.last_name !== undefined) update.last_name = input.last_name
      return update
    })
    when({ input, names }, ({ input, names }) => {
      return input.actor_type === "customer" && Object.keys(names).length > 0
    }).then(() => {
      const customerUpdate = transform({ input, names }, ({ input, names }) => ({
        selector: { id: input.actor_id },
        update: names,
      }))
      updateCustomersWorkflow.runAsStep({ input: customerUpdate })
      // A reviewer's name is in the cached public review answers: they render afresh.
      invalidateCatalogCacheStep().config({ name: "identity-forget-cached-reviews" })
    })
    when({ input, names }, ({ input, names }) => {
      return input.actor_type === "user" && Object.keys(names).length > 0
    }).then(() => {
      const userUpdate = transform({ input, names }, ({ input, names }) => ({
        updates: [{ id: input.actor_id, ...names }],
      }))
      updateUsersWorkflow.runAsStep({ input: userUpdate })
    })

    const profileChanges = transform({ input }, ({ input }) => ({
      actor_type: input.actor_type,
      actor_id: input.actor_id,
      ...(input.username !== undefined ? { username: input.username } : {}),
      ...(input.preferences !== undefined ? { preferences: input.preferences } : {}),
      ...(input.is_active !== undefined
        ? { deactivated_at: input.is_active ? null : new Date() }
        : {}),
    }))
    const profile = upsertProfileStep(profileChanges)

    // Sessions first, the block last: both write the actor's revocation record, and the
    // sessions' "tokens issued before now" cutoff written after the block would replace it
    // (tokens from this second on, Medusa's own logins included, would pass again).
    when({ input }, ({ input }) => input.is_active === false).then(() => {
      const actors = transform({ input }, ({ input }) => ({ actor_ids: [input.actor_id] }))
      revokeSessionsStep(actors)
    })
    when({ input }, ({ input }) => input.is_active !== undefined).then(() => {
      const blocked = transform({ input }, ({ input }) => ({
        actor_id: input.actor_id,
        blocked: input.is_active === false,
      }))
      setActorBlockedStep(blocked)
    })
    return new WorkflowResponse(profile)
  }
)
