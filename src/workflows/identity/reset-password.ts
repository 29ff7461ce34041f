import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { consumePasswordResetTokenStep } from "./steps/consume-password-reset-token"
import { revokeSessionsStep } from "./steps/revoke-sessions"
import { updatePasswordStep } from "./steps/update-password"

/** Reset password: use the token once, set the password, sign the account out everywhere. */
export const resetPasswordWorkflow = createWorkflow(
  "identity-reset-password",
  (input: { token: string; password: string }) => {
    const owner = consumePasswordResetTokenStep({ token: input.token })
    const update = transform({ owner, input }, ({ owner, input }) => ({
      email: owner.email,
      password: input.password,
    }))
    updatePasswordStep(update)
    const actors = transform({ owner }, ({ owner }) => ({ actor_ids: owner.actor_ids }))
    revokeSessionsStep(actors)
    return new WorkflowResponse(undefined)
  }
)
