import Redis from "ioredis"
import { platformSettings } from "../config/platform"

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

/** Resolves once the client is connected (at once when it is), rejects after the time-out. */
export async function whenReady(redis: Redis, timeoutMs = 2000): Promise<void> {
  if (redis.status === "ready") {
    return
  }
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      new Promise((resolve) => redis.once("ready", resolve)),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis not ready within ${timeoutMs} ms`)),
          timeoutMs
        )
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
