import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeSessionsStep, type RevokeSessionsInput } from "./steps/revoke-sessions"

/** Logout (one session), or every session of an actor (password reset, deactivation). */
export const endSessionsWorkflow = createWorkflow(
  "identity-end-sessions",
  (input: RevokeSessionsInput) => {
    return new WorkflowResponse(revokeSessionsStep(input))
  }
)
