/**
 * The Redis database of this jest worker: REDIS_URL (already given a per-worker database
 * by setup.js) or the local default. Specs that test Redis-backed behaviour call this at
 * their top, before the app's config loads, so they use Redis even without REDIS_URL.
 */
export function useTestRedis(): string {
  process.env.REDIS_URL ??= `redis://localhost:6379/${Number(process.env.JEST_WORKER_ID || "1")}`
  return process.env.REDIS_URL
}
