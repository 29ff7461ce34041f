import type Redis from "ioredis"

/**
 * Medusa's Redis event bus is a BullMQ queue named `events-queue` under the prefix of its
 * service class (@medusajs/event-bus-redis); these are BullMQ 5's keys for jobs not yet
 * taken by a worker.
 */
export const EVENT_QUEUE = "RedisEventBusService:events-queue"

export type EventQueueStats = {
  /** Events waiting (including paused, delayed retries and prioritized ones). */
  depth: number
  /** Age of the oldest waiting event: how far event-driven state (the catalog) lags. */
  oldestAgeSeconds: number
}

/** Five O(1) Redis reads and one more for the oldest job's timestamp. */
export async function readEventQueueStats(
  redis: Redis,
  now = Date.now(),
  queue = EVENT_QUEUE
): Promise<EventQueueStats> {
  const replies = await redis
    .multi()
    .llen(`${queue}:wait`)
    .llen(`${queue}:paused`)
    .zcard(`${queue}:delayed`)
    .zcard(`${queue}:prioritized`)
    // BullMQ pushes new jobs on the left and workers take from the right: the oldest.
    .lindex(`${queue}:wait`, -1)
    .exec()
  const values = (replies ?? []).map(([error, value]) => {
    if (error) {
      throw error
    }
    return value
  })
  const depth = values.slice(0, 4).reduce<number>((sum, n) => sum + Number(n ?? 0), 0)
  const oldestId = values[4] as string | null
  const timestamp = oldestId ? await redis.hget(`${queue}:${oldestId}`, "timestamp") : null
  const oldestAgeSeconds = timestamp ? Math.max(0, (now - Number(timestamp)) / 1000) : 0
  return { depth, oldestAgeSeconds }
}
