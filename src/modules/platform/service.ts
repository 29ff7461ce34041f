import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { ICachingModuleService } from "@medusajs/framework/types"
import type Redis from "ioredis"
import {
  BusinessMetrics,
  type BusinessCounter,
  type BusinessCount,
  type BusinessLabels,
} from "./business-metrics"
import { CatalogCache } from "./catalog-cache"
import { readEventQueueStats, type EventQueueStats } from "./event-queue"
import { closeConnection, whenReady } from "./redis"
import { Revocations } from "./revocations"
import type { PlatformDependencies, PlatformModuleOptions, RevocationClaims } from "./types"

/**
 * The process-wide infrastructure of the engine, outside any domain: the platform's Redis
 * connection (rate limits, readiness), access-token revocations and the catalog read
 * cache. Without `redisUrl` everything lives in this process's memory.
 */
export default class PlatformModuleService {
  private readonly redis_: Redis | undefined
  private readonly subscriber_: Redis | undefined
  private readonly revocations_: Revocations
  private readonly catalogCache_: CatalogCache
  private readonly businessMetrics_: BusinessMetrics

  constructor(dependencies: PlatformDependencies, options: PlatformModuleOptions) {
    if (!options?.catalogCache) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "The platform module needs its `catalogCache` options (see medusa-config.ts)"
      )
    }
    this.redis_ = dependencies.platformRedis
    this.subscriber_ = dependencies.platformSubscriber
    this.revocations_ = new Revocations(this.redis_)
    this.businessMetrics_ = new BusinessMetrics(this.redis_)
    this.catalogCache_ = new CatalogCache({
      redis: this.redis_,
      subscriber: this.subscriber_,
      shared: () => cachingModule(dependencies),
      logger: dependencies.logger,
      entries: options.catalogCache.entries,
      ttlMs: options.catalogCache.ttlMs,
    })
  }

  /**
   * Connections stay open through `onApplicationPrepareShutdown` (workflows and requests
   * still finishing may revoke a session or invalidate the cache) and close on shutdown.
   */
  __hooks = {
    onApplicationShutdown: async (): Promise<void> => {
      const connections = [this.redis_, this.subscriber_].filter((redis): redis is Redis =>
        Boolean(redis)
      )
      await Promise.all(connections.map(closeConnection))
      this.revocations_.clear()
      this.catalogCache_.clear()
    },
  }

  /** The platform's Redis connection, when REDIS_URL is set (rate limits, readiness). */
  redis(): Redis | undefined {
    return this.redis_
  }

  /** Counts a business event (src/modules/platform/business-metrics.ts). */
  countBusinessEvent(name: BusinessCounter, labels?: BusinessLabels): Promise<void> {
    return this.businessMetrics_.count(name, labels)
  }

  /** The business counters for GET /metrics. */
  businessCounts(): Promise<BusinessCount[]> {
    return this.businessMetrics_.snapshot()
  }

  /** Medusa's event queue (Redis only): how many events wait and for how long. */
  async eventQueueStats(): Promise<EventQueueStats | undefined> {
    return this.redis_ ? readEventQueueStats(this.redis_) : undefined
  }

  /** Resolves once Redis is connected, rejects after the time-out (at once without Redis). */
  async whenReady(timeoutMs?: number): Promise<void> {
    if (!this.redis_) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "No Redis is configured")
    }
    await whenReady(this.redis_, timeoutMs)
  }

  revokeSession(sid: string, ttlSeconds: number): Promise<void> {
    return this.revocations_.revokeSession(sid, ttlSeconds)
  }

  revokeActorTokens(actorId: string, ttlSeconds: number): Promise<void> {
    return this.revocations_.revokeActorTokens(actorId, ttlSeconds)
  }

  blockActor(actorId: string): Promise<void> {
    return this.revocations_.blockActor(actorId)
  }

  unblockActor(actorId: string): Promise<void> {
    return this.revocations_.unblockActor(actorId)
  }

  isTokenRevoked(claims: RevocationClaims): Promise<boolean> {
    return this.revocations_.isTokenRevoked(claims)
  }

  /** The rendered catalog response for `key`, from a cache level or from `render`. */
  cachedCatalogRead(key: string, render: () => Promise<string>): Promise<string> {
    return this.catalogCache_.read(key, render)
  }

  /** After every catalog write: later reads render afresh in every process. */
  invalidateCatalogCache(): Promise<void> {
    return this.catalogCache_.invalidate()
  }
}

/**
 * Medusa's caching module from the module's container. Medusa registers it in every
 * module's container and resolves it on access (undefined when the app has none); a
 * container built by hand (tests, benchmarks) may not have it at all.
 */
function cachingModule(dependencies: PlatformDependencies): ICachingModuleService | undefined {
  try {
    return dependencies[Modules.CACHING as "caching"]
  } catch {
    return undefined
  }
}
