import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { confirmEmailVerificationStep } from "./steps/confirm-email-verification"
import { markEmailVerifiedStep } from "./steps/mark-email-verified"

/** POST /auth/verify-email: the emailed code confirms the address on the profile. */
export const verifyEmailWorkflow = createWorkflow(
  "identity-verify-email",
  (input: { token: string }) => {
    const actor = confirmEmailVerificationStep(input)
    markEmailVerifiedStep(actor)
    return new WorkflowResponse(undefined)
  }
)
