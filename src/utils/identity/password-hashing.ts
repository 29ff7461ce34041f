import pLimit from "p-limit"

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

const limit = pLimit(passwordHashingConcurrency())

/** Runs `hash` (anything that computes or checks a password hash) in the hashing lane. */
export function inPasswordHashingLane<T>(hash: () => Promise<T>): Promise<T> {
  return limit(hash)
}
