import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { inPasswordHashingLane } from "../../utils/identity/password-hashing"

/**
 * Medusa's own emailpass routes (sign-in, registration, password update) hash or check the
 * password inside their handlers, out of the engine's reach: each request holds a slot of
 * the process's hashing lane (src/utils/identity/password-hashing.ts) until its response
 * is done, so they wait their turn with the engine's own checks and are shed with a 503
 * when too many wait, instead of taking libuv's whole thread pool. `close` is emitted
 * after the response finished or the client went away: the slot is always given back.
 */
export function passwordCheckInLane(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  let entered = false
  inPasswordHashingLane(
    () =>
      new Promise<void>((resolve) => {
        entered = true
        res.once("close", () => resolve())
        next()
      })
  ).catch((error: unknown) => {
    // Refused before the handler ran (the lane's waiting room is full): answer it.
    if (!entered) {
      next(error)
    }
  })
}
