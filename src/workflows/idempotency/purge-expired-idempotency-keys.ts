import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  deleteExpiredIdempotencyKeysStep,
  type DeleteExpiredIdempotencyKeysInput,
} from "./steps/delete-expired-idempotency-keys"

export type PurgeExpiredIdempotencyKeysWorkflowInput = DeleteExpiredIdempotencyKeysInput

/**
 * Deletes one batch of expired idempotency keys (src/jobs/purge-idempotency-keys.ts runs
 * batches until none is left); the result is how many were deleted.
 */
export const purgeExpiredIdempotencyKeysWorkflow = createWorkflow(
  "idempotency-purge-expired",
  (input: PurgeExpiredIdempotencyKeysWorkflowInput) => {
    const deleted = deleteExpiredIdempotencyKeysStep(input)
    return new WorkflowResponse(deleted)
  }
)
