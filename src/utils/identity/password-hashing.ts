import { MedusaError } from "@medusajs/framework/utils"
import pLimit from "p-limit"
import { positiveIntFromEnv } from "../env"

/**
 * Password hashing (scrypt, 32 MB and ≈ 100 ms of CPU per hash with Medusa's parameters)
 * runs on libuv's thread pool, which this process shares with response compression, file
 * reads and DNS lookups: 4 threads unless UV_THREADPOOL_SIZE says otherwise. A burst of
 * logins used to take every thread for seconds, and every compressed answer (a cached
 * product page included) waited behind them. Hashes therefore run at most half the pool
 * at a time in a process; the others wait their turn in memory.
 */
export function passwordHashingConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const pool = Number.parseInt(env.UV_THREADPOOL_SIZE ?? "", 10)
  return Math.max(1, Math.floor((Number.isFinite(pool) && pool > 0 ? pool : 4) / 2))
}

/**
 * How many hashes may wait for the lane in a process (PASSWORD_HASHING_MAX_WAITING, 100 by
 * default: ≈ 5 s of work for two threads). Beyond it a sign-in, registration or password
 * change is refused at once with a 503 and Retry-After instead of queuing without end: a
 * flood of logins (many addresses, each under the per-IP limit) would otherwise hold every
 * request for minutes and the memory of each, and a person would wait as long.
 */
export function passwordHashingMaxWaiting(env: NodeJS.ProcessEnv = process.env): number {
  return positiveIntFromEnv(env.PASSWORD_HASHING_MAX_WAITING, 100, "PASSWORD_HASHING_MAX_WAITING")
}

/** The error type of a refused hash: answered 503 with Retry-After (api/utils/errors.ts). */
export const PASSWORD_HASHING_BUSY = "password_hashing_busy"

/** A lane of `concurrency` hashes at once and at most `maxWaiting` waiting for it. */
export function createHashingLane(
  concurrency: number,
  maxWaiting: number
): <T>(hash: () => Promise<T>) => Promise<T> {
  const limit = pLimit(concurrency)
  return (hash) => {
    // Running and waiting together: p-limit counts a hash as waiting until it starts,
    // which happens a tick after it was handed over even when a thread is free.
    if (limit.activeCount + limit.pendingCount >= concurrency + maxWaiting) {
      return Promise.reject(
        new MedusaError(
          PASSWORD_HASHING_BUSY,
          "Too many sign-ins are being checked at the moment; retry in a few seconds"
        )
      )
    }
    return limit(hash)
  }
}

let lane: ReturnType<typeof createHashingLane> | undefined

/**
 * Runs `hash` (anything that computes or checks a password hash) in the process's hashing
 * lane, made on first use from the settings of that moment.
 */
export function inPasswordHashingLane<T>(hash: () => Promise<T>): Promise<T> {
  lane ??= createHashingLane(passwordHashingConcurrency(), passwordHashingMaxWaiting())
  return lane(hash)
}
