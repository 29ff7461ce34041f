import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDEMPOTENCY_MODULE } from "../../../modules/idempotency"
import type IdempotencyModuleService from "../../../modules/idempotency/service"
import type { IdempotencyKeyRecord } from "../../../modules/idempotency/types"

export type RecordIdempotentResponseInput = {
  scope: string
  key: string
  fingerprint: string
  response_status: number
  response_body: unknown
  /** ISO timestamps (workflow input is serialisable). */
  expires_at: string
  now: string
}

/** The row written (null when nothing was) and the expired row it replaced. */
type Undo = { id: string | null; previous: IdempotencyKeyRecord | null }

/**
 * Stores the response for the scope and key (insert, or overwrite of an expired row).
 * Returns whether it was written: a live row of another writer is never replaced. Undo
 * deletes the inserted row, or writes the expired row's content back.
 */
export const recordIdempotentResponseStep = createStep(
  "idempotency-store-response",
  async (input: RecordIdempotentResponseInput, { container }) => {
    const keys = container.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE)
    const { written, previous } = await keys.recordResponse({
      ...input,
      expires_at: new Date(input.expires_at),
      now: new Date(input.now),
    })
    return new StepResponse<boolean, Undo>(Boolean(written), {
      id: written?.id ?? null,
      previous,
    })
  },
  async (undo, { container }) => {
    if (!undo?.id) {
      return
    }
    const keys = container.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE)
    if (undo.previous) {
      await keys.restoreKey(undo.previous)
    } else {
      await keys.deleteIdempotencyKeys(undo.id)
    }
  }
)
