import type { ICachingModuleService, Logger } from "@medusajs/framework/types"
import type Redis from "ioredis"
import { ResponseCache } from "../../utils/catalog/response-cache"
import { whenReady } from "./redis"

/**
 * Caching of catalog reads, in two levels:
 * - L1, in this process: rendered JSON strings (no parse/stringify on a hit);
 * - L2, Medusa's caching module (Redis when REDIS_URL is set): shared by instances, so a
 *   new or restarted process does not send every request to the database.
 * Both are keyed by the catalog's **generation**, a counter every catalog write bumps
 * (Redis INCR, announced on a pub/sub channel so other processes drop their L1 at once;
 * a plain counter without Redis). A write is therefore visible on the next read, and old
 * entries are never served, only left to expire.
 */
const GENERATION_KEY = "catalog:generation"
const L2_TAG = "catalog"
const L2_TTL_SECONDS = 300
/** How often a process re-reads the shared generation, in case an announcement was missed. */
const GENERATION_CHECK_MS = 1000

/**
 * The channel announcing new generations. Pub/sub ignores database numbers, so the
 * channel names the database: deployments sharing one Redis server on different
 * databases do not hear each other's counters.
 */
export function invalidationChannel(database: number | undefined): string {
  return `catalog:invalidated:${database ?? 0}`
}

export type CatalogCacheDependencies = {
  redis?: Redis
  subscriber?: Redis
  /** Resolved on each use: Medusa's caching module (L2), when the app has one. */
  shared: () => ICachingModuleService | undefined
  logger: Logger
  entries: number
  ttlMs: number
}

export class CatalogCache {
  private generation = 0
  private readonly l1: ResponseCache
  private subscribed: Promise<void> | undefined
  private lastCheck = 0

  constructor(private readonly deps: CatalogCacheDependencies) {
    this.l1 = new ResponseCache(deps.entries, deps.ttlMs)
    const channel = deps.redis ? invalidationChannel(deps.redis.options.db) : undefined
    // The subscriber connection also carries other channels (live messages).
    deps.subscriber?.on("message", (from: string, message: string) => {
      if (from === channel) {
        this.adopt(Number(message))
      }
    })
  }

  /** The rendered response for `key`, from a cache level or from `render`. */
  async read(key: string, render: () => Promise<string>): Promise<string> {
    if (!this.subscribed) {
      const joining = this.joinSharedGeneration()
      // Wait for the shared counter only when Redis answers; during an outage, reads go
      // on with the local generation instead of stalling.
      if (this.deps.redis?.status === "ready") {
        await joining
      }
    }
    this.recheckSharedGeneration()
    const fullKey = `${this.generation}|${key}`
    const hit = this.l1.get(fullKey)
    if (hit !== undefined) {
      return hit
    }
    const shared = this.deps.shared()
    const stored = (await shared?.get({ key: `catalog:${fullKey}` }).catch(() => undefined)) as
      { body?: string } | undefined
    if (typeof stored?.body === "string") {
      this.l1.set(fullKey, stored.body)
      return stored.body
    }
    const readAt = this.generation
    const body = await render()
    // Only cache what was rendered under the current generation: a write that landed
    // while rendering must not be hidden behind an older answer.
    if (readAt === this.generation) {
      this.l1.set(fullKey, body)
      await shared
        ?.set({ key: `catalog:${fullKey}`, data: { body }, ttl: L2_TTL_SECONDS, tags: [L2_TAG] })
        .catch(() => undefined)
    }
    return body
  }

  /** Called after every catalog write: later reads render afresh in every process. */
  async invalidate(): Promise<void> {
    const { redis } = this.deps
    let next = this.generation + 1
    if (redis) {
      try {
        // A process that has not talked to Redis yet (a `medusa exec` script) connects first.
        await whenReady(redis)
        next = Math.max(next, await redis.incr(GENERATION_KEY))
        await redis.publish(invalidationChannel(redis.options.db), String(next))
      } catch (error) {
        this.deps.logger.warn(
          `catalog: could not announce a cache invalidation: ${(error as Error).message}`
        )
      }
    }
    this.adopt(next)
    await this.deps
      .shared()
      ?.clear({ tags: [L2_TAG] })
      .catch(() => undefined)
  }

  /** Forgets this process's entries (application shutdown); L2 is Medusa's to close. */
  clear(): void {
    this.l1.clear()
    this.subscribed = undefined
  }

  private adopt(next: number): void {
    if (next > this.generation) {
      this.generation = next
      this.l1.clear()
    }
  }

  /**
   * Joins the shared generation (Redis mode); the subscriber follows its announcements.
   * Until the first read of the counter succeeds, it is retried on later requests.
   */
  private joinSharedGeneration(): Promise<void> {
    const { redis } = this.deps
    if (!redis) {
      return Promise.resolve()
    }
    this.subscribed ??= (async () => {
      await whenReady(redis)
      this.adopt(Number((await redis.get(GENERATION_KEY)) ?? 0))
      this.lastCheck = Date.now()
    })().catch(() => {
      // Redis unreachable: serve with the local generation and try again next time.
      this.subscribed = undefined
    })
    return this.subscribed
  }

  /**
   * Pub/sub messages are not queued for a disconnected subscriber: at most once a second,
   * the shared counter is read in the background, so a missed announcement costs at most
   * about a second of stale answers.
   */
  private recheckSharedGeneration(now = Date.now()): void {
    const { redis } = this.deps
    if (!redis || now - this.lastCheck < GENERATION_CHECK_MS) {
      return
    }
    this.lastCheck = now
    redis
      .get(GENERATION_KEY)
      .then((value) => this.adopt(Number(value ?? 0)))
      .catch(() => undefined)
  }
}
