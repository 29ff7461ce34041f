import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  recordIdempotentResponseStep,
  type RecordIdempotentResponseInput,
} from "./steps/record-idempotent-response"

export type RecordIdempotentResponseWorkflowInput = RecordIdempotentResponseInput

/**
 * Remembers the successful response of a request sent with an Idempotency-Key, so a
 * retry replays it (src/api/utils/idempotency.ts). The result is false when a live record
 * for the scope and key already existed and was kept.
 */
export const recordIdempotentResponseWorkflow = createWorkflow(
  "idempotency-record-response",
  (input: RecordIdempotentResponseWorkflowInput) => {
    const written = recordIdempotentResponseStep(input)
    return new WorkflowResponse(written)
  }
)
