import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDEMPOTENCY_MODULE } from "../../../modules/idempotency"
import type IdempotencyModuleService from "../../../modules/idempotency/service"
import type { IdempotencyKeyRecord } from "../../../modules/idempotency/types"

export type DeleteExpiredIdempotencyKeysInput = {
  /** ISO timestamp: rows that expired at or before it go. */
  before: string
  /** At most this many rows (the undo keeps them in memory). */
  limit: number
}

/**
 * Deletes one batch of expired idempotency keys and returns how many went. Undo inserts
 * the deleted rows again (expired rows are ignored by every reader, so this only matters
 * for the letter of "every step can be undone").
 */
export const deleteExpiredIdempotencyKeysStep = createStep(
  "idempotency-delete-expired",
  async (input: DeleteExpiredIdempotencyKeysInput, { container }) => {
    const keys = container.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE)
    const deleted = await keys.deleteExpiredKeys(new Date(input.before), input.limit)
    return new StepResponse<number, IdempotencyKeyRecord[]>(deleted.length, deleted)
  },
  async (deleted, { container }) => {
    if (deleted?.length) {
      await container.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE).reinsertKeys(deleted)
    }
  }
)
