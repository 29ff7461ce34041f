import Redis from "ioredis"
import { platformSettings } from "./settings"

let client: Redis | undefined

/**
 * The platform's own Redis connection (rate limits, readiness), when REDIS_URL is set.
 * Commands fail at once while it is disconnected instead of queueing, so a Redis outage
 * makes the limiter fall back to memory and /ready answer 503 without waiting; ioredis
 * keeps reconnecting in the background and both recover when Redis is back.
 */
export function platformRedis(): Redis | undefined {
  const url = platformSettings().redisUrl
  if (!url) {
    return undefined
  }
  if (!client) {
    client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    })
    // Connection errors surface through /ready and the limiter's fallback; without a
    // listener ioredis would report each reconnect attempt as an unhandled error.
    client.on("error", () => undefined)
  }
  return client
}
