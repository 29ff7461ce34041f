import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { IdentityEvents } from "../../modules/identity/events"
import { createPasswordResetTokenStep } from "./steps/create-password-reset-token"

/** Forgot password: a reset token and its email when the account exists, nothing otherwise. */
export const requestPasswordResetWorkflow = createWorkflow(
  "identity-request-password-reset",
  (input: { email: string }) => {
    const reset = createPasswordResetTokenStep(input)
    when({ reset }, ({ reset }) => reset !== null).then(() => {
      const data = transform({ reset }, ({ reset }) => reset!)
      emitEventStep({ eventName: IdentityEvents.PASSWORD_RESET_REQUESTED, data })
    })
    return new WorkflowResponse(undefined)
  }
)
