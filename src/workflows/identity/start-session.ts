import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRefreshTokenStep, type CreateRefreshTokenInput } from "./steps/create-refresh-token"

/** A login: a new session (refresh-token family) with its first refresh token. */
export const startSessionWorkflow = createWorkflow(
  "identity-start-session",
  (input: CreateRefreshTokenInput) => {
    return new WorkflowResponse(createRefreshTokenStep(input))
  }
)
