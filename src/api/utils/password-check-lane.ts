import { finished } from "node:stream"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { inPasswordHashingLane } from "../../utils/identity/password-hashing"

type Lane = <T>(hash: () => Promise<T>) => Promise<T>

/**
 * Medusa's own emailpass routes (sign-in, registration, password update) hash or check the
 * password inside their handlers, out of the engine's reach: each request holds a slot of
 * the process's hashing lane (src/utils/identity/password-hashing.ts) until its response
 * is done, so they wait their turn with the engine's own checks and are shed with a 503
 * when too many wait, instead of taking libuv's whole thread pool.
 *
 * The slot is given back when the response finishes or its connection closes, however
 * early: a client that gave up while waiting has a closed response by the time its turn
 * comes, which frees the slot at once and runs no handler (`finished` also answers for a
 * stream that closed before it was called; a `close` listener added then would wait for
 * ever and keep the slot).
 */
export function passwordCheckInLaneOf(lane: Lane) {
  return function passwordCheckInLane(
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ): void {
    let entered = false
    lane(
      () =>
        new Promise<void>((resolve) => {
          entered = true
          // (Not `req.destroyed`: a request whose body was read is destroyed already.)
          if (res.destroyed || res.writableEnded) {
            resolve()
            return
          }
          finished(res, () => resolve())
          next()
        })
    ).catch((error: unknown) => {
      // Refused before the handler ran (the lane's waiting room is full): answer it.
      if (!entered) {
        next(error)
      }
    })
  }
}

export const passwordCheckInLane = passwordCheckInLaneOf(inPasswordHashingLane)
