/**
 * The Redis database of this jest worker: REDIS_URL (already given a per-worker database
 * by setup.js) or the local default. Specs that test Redis-backed behaviour call this at
 * their top, before the app's config loads, so they use Redis even without REDIS_URL.
 */
export function useTestRedis(): string {
  const database =
    Number(process.env.TEST_REDIS_DB_BASE || "0") + Number(process.env.JEST_WORKER_ID || "1")
  process.env.REDIS_URL ??= `redis://localhost:6379/${database}`
  return process.env.REDIS_URL
}
