import type Redis from "ioredis"

/**
 * L2 of the generation caches (generation-cache.ts): rendered answers shared by the
 * processes of one deployment, so a new or restarted process does not send every request
 * to the database.
 */
export type SharedCache = {
  /** The value stored under `key`, or undefined when there is none (or Redis is down). */
  get(key: string): Promise<unknown>
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>
}

/** Keeps L2 entries apart from the platform's other keys in the same database. */
const KEY_PREFIX = "l2:"

/**
 * L2 in Redis on the platform's own command connection, which fails at once during an
 * outage instead of queueing (redis.ts): a read then renders as on a miss.
 *
 * Why not Medusa's caching module, which held L2 before: in Medusa 2.21 that module always
 * installs its invalidation strategy, which subscribes to every event (`*`) and intercepts
 * every emit. Medusa's event bus enqueues only events that have a subscriber, so with the
 * wildcard each of the dozens of entity events a checkout emits (`order.order-line-item.created`, …)
 * became a queued job, handled by the worker and cleared from tag sets nobody uses
 * (Medusa's own use of that cache sits behind a feature flag we leave off): 1,420 Redis
 * commands per checkout and 124 per cart change, against 375 and 14 without it
 * (docs/PERFORMANCE.md, "CPU, statements and Redis commands per write"). The entries here need no tags: their
 * keys carry the generations they were rendered under, so a newer generation never reads
 * them, and they expire by themselves.
 */
export function redisSharedCache(redis: Redis): SharedCache {
  return {
    async get(key) {
      const stored = await redis.get(KEY_PREFIX + key)
      return stored === null ? undefined : (JSON.parse(stored) as unknown)
    },
    async set(key, value, ttlSeconds) {
      await redis.set(KEY_PREFIX + key, JSON.stringify(value), "EX", ttlSeconds)
    },
  }
}
