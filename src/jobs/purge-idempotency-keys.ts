import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { purgeExpiredIdempotencyKeysWorkflow } from "../workflows/idempotency/purge-expired-idempotency-keys"

/** Rows per workflow run: the run keeps the deleted rows in memory for its undo. */
export const PURGE_BATCH_SIZE = 100

/**
 * Deletes expired idempotency keys (readers already ignore them; this keeps the table
 * small), one workflow run per batch until a batch comes back short. Returns how many.
 */
export default async function purgeIdempotencyKeys(container: MedusaContainer): Promise<number> {
  const before = new Date().toISOString()
  let total = 0
  for (;;) {
    const { result: deleted } = await purgeExpiredIdempotencyKeysWorkflow(container).run({
      input: { before, limit: PURGE_BATCH_SIZE },
    })
    total += deleted
    if (deleted < PURGE_BATCH_SIZE) {
      break
    }
  }
  if (total > 0) {
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .info(`idempotency: purged ${total} expired keys`)
  }
  return total
}

export const config = {
  name: "idempotency-keys-purge",
  schedule: "17 * * * *",
}
