import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { revokeSessionsStep } from "./steps/revoke-sessions"
import { rotateRefreshTokenStep, type RotateRefreshTokenInput } from "./steps/rotate-refresh-token"

/**
 * POST /auth/refresh: rotates the presented refresh token under a lock on it (Redis
 * locks with REDIS_URL, so it holds across instances). A token presented after it was
 * rotated means it leaked or was replayed: the whole session is revoked.
 */
export const refreshSessionWorkflow = createWorkflow(
  "identity-refresh-session",
  (input: RotateRefreshTokenInput) => {
    const lockKey = transform({ input }, ({ input }) => `refresh-token:${input.presented_hash}`)
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 5, ttl: 10 })
    const result = rotateRefreshTokenStep(input)
    when({ result }, ({ result }) => result.outcome === "reused").then(() => {
      const families = transform({ result }, ({ result }) =>
        result.outcome === "reused" ? [result.family_id] : []
      )
      revokeSessionsStep({ family_ids: families })
    })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(result)
  }
)
