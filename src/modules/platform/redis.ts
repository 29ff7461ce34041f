import { MedusaError } from "@medusajs/framework/utils"
import Redis from "ioredis"

/**
 * The platform's command connection. Commands fail at once while it is disconnected
 * instead of queueing, so a Redis outage makes the rate limiter fall back to memory and
 * /ready answer 503 without waiting; ioredis keeps reconnecting in the background and
 * both recover when Redis is back.
 */
export function createCommandConnection(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  // Connection errors surface through /ready and the limiter's fallback; without a
  // listener ioredis would report each reconnect attempt as an unhandled error.
  redis.on("error", () => undefined)
  return redis
}

/**
 * The connection that listens to `channels`. It keeps its offline queue, so the SUBSCRIBE
 * waits for the first connection; ioredis re-subscribes after each reconnect by itself.
 */
export function createSubscriberConnection(url: string, channels: string[]): Redis {
  const subscriber = new Redis(url, { maxRetriesPerRequest: 1 })
  subscriber.on("error", () => undefined)
  subscriber.subscribe(...channels).catch(() => undefined)
  return subscriber
}

/** Resolves once the client is connected (at once when it is), rejects after the time-out. */
export async function whenReady(redis: Redis, timeoutMs = 2000): Promise<void> {
  if (redis.status === "ready") {
    return
  }
  if (redis.status === "end") {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Redis connection closed")
  }
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      new Promise((resolve) => redis.once("ready", resolve)),
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new MedusaError(
                MedusaError.Types.UNEXPECTED_STATE,
                `Redis not ready within ${timeoutMs} ms`
              )
            ),
          timeoutMs
        )
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

const CLOSE_TIMEOUT_MS = 1000

/** Waits for `promise`, at most CLOSE_TIMEOUT_MS. */
async function atMost(promise: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    promise,
    new Promise((resolve) => {
      timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)
    }),
  ])
  clearTimeout(timer)
}

/**
 * Closes a connection for good: QUIT when connected (replies still due arrive first),
 * then a disconnect, which ends a connection whose QUIT got no answer in time and stops
 * the reconnect attempts of one that is down. Resolves once the socket is closed.
 */
export async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === "end") {
    return
  }
  const ended = new Promise((resolve) => redis.once("end", resolve))
  if (redis.status === "ready") {
    await atMost(redis.quit().catch(() => undefined))
  }
  redis.disconnect()
  // Between two reconnect attempts there is no socket to wait for (and no "end" event).
  if (redis.status !== "reconnecting") {
    await atMost(ended)
  }
}
