import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export type AcquireOwnedLockInput = {
  /** One key or several; several are taken in one order (utils/locking/lock-order.ts). */
  key: string | string[] | undefined
  /** How long to keep trying before the step fails with a conflict (seconds; 0: once). */
  timeout?: number
  /** How long the lock lives when it is not released (seconds). */
  ttl?: number
  /** The owner to take the lock as; a new one for this run when not given. */
  ownerId?: string
  /** Take the lock also when the workflow runs inside another (Medusa skips it then). */
  executeOnSubWorkflow?: boolean
}

/** What a later `releaseLockStep` passes as `ownerId`: the lock is released only as its owner. */
export type OwnedLock = { owner_id: string | undefined }

/** What the compensation releases, as whom. */
type TakenLock = { keys: string[]; owner_id: string }

/** How long to wait between two attempts (Medusa's acquireLockStep waits as long). */
const RETRY_INTERVAL_MS = 300

const NOTHING_TAKEN = () =>
  new StepResponse<OwnedLock, TakenLock>({ owner_id: undefined }, { keys: [], owner_id: "" })

/**
 * Medusa's `acquireLockStep`, taking the lock as an owner of this run's own instead of the
 * anonymous owner every caller shares. Release it with
 * `releaseLockStep({ key, ownerId: lock.owner_id })`.
 *
 * Anonymous, two things went wrong. An attempt that Redis ran but whose answer the client
 * gave up on (a reply lost with the connection after ioredis's retries) left the key
 * taken; the next attempt, a new anonymous acquisition, could not tell it was its own and
 * waited on itself until its time-out (a 409) while the key stayed locked for its whole
 * lease. And an anonymous release frees the key whoever holds it: a run whose lease ran out
 * mid-work released the lock a second run had taken since. Named, the run takes its own
 * key again on the next attempt, and a release frees only its own.
 *
 * Skipped, as Medusa's is, when the workflow runs inside another unless
 * `executeOnSubWorkflow`: the parent holds the lock (the release step skips there too).
 */
export const acquireOwnedLockStep = createStep(
  "acquire-owned-lock",
  async (input: AcquireOwnedLockInput, { container, parentStepIdempotencyKey, workflowId }) => {
    // No key, as with Medusa's step: nothing is locked (nor released).
    const keys = Array.isArray(input.key) ? input.key : input.key == null ? [] : [input.key]
    if (!keys.length) {
      return NOTHING_TAKEN()
    }
    if (parentStepIdempotencyKey && !input.executeOnSubWorkflow) {
      // The SDK's step types leave out its own skip response (Medusa's step is plain JS).
      return StepResponse.skip() as unknown as ReturnType<typeof NOTHING_TAKEN>
    }
    const locking = container.resolve(Modules.LOCKING)
    // Named after the workflow, so a key held in Redis says who holds it.
    const ownerId = input.ownerId ?? `${workflowId}:${randomUUID()}`
    const tryUntil = Date.now() + (input.timeout ?? 0) * 1000
    for (;;) {
      try {
        await locking.acquire(keys, { expire: input.ttl, ownerId })
        break
      } catch (error) {
        if (Date.now() >= tryUntil) {
          throw error
        }
      }
      await sleep(RETRY_INTERVAL_MS)
    }
    return new StepResponse<OwnedLock, TakenLock>(
      { owner_id: ownerId },
      { keys, owner_id: ownerId }
    )
  },
  async (taken, { container }) => {
    if (!taken?.keys?.length) {
      return
    }
    await container.resolve(Modules.LOCKING).release(taken.keys, { ownerId: taken.owner_id })
  }
)
