import Redis from "ioredis"
import { CATALOG_SYNC_KEYS } from "../../src/modules/platform/catalog-sync-queue"
import { waitFor } from "./wait"

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

/**
 * Resolves once Medusa's Redis event bus has no event waiting or being handled (delayed
 * ones aside) and the catalog's sync queue is empty and idle: what earlier writes'
 * subscribers (the catalog sync) had to do is done.
 */
export async function waitForIdleEventQueue(timeoutMs = 15_000): Promise<void> {
  const queue = "RedisEventBusService:events-queue"
  const redis = new Redis(useTestRedis(), { maxRetriesPerRequest: 1 })
  try {
    await waitFor(async () => {
      const counts = await Promise.all([
        redis.llen(`${queue}:wait`),
        redis.llen(`${queue}:active`),
        redis.zcard(`${queue}:prioritized`),
        redis.zcard(CATALOG_SYNC_KEYS.stock),
        redis.zcard(CATALOG_SYNC_KEYS.bulk),
        redis.get(CATALOG_SYNC_KEYS.active).then(Number),
      ])
      return counts.every((count) => count <= 0)
    }, timeoutMs)
  } finally {
    redis.disconnect()
  }
}
