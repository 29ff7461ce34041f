import { MedusaError } from "@medusajs/framework/utils"
import type Redis from "ioredis"
import { GenerationCache, type ReadOptions } from "./generation-cache"
import { redisSharedCache } from "./shared-cache"
import type { RenderedAnswer, RenderedBody } from "../../utils/catalog/rendered-answer"
import { LiveFanout, type LiveListener } from "./live-fanout"
import {
  BusinessMetrics,
  type BusinessCounter,
  type BusinessCount,
  type BusinessLabels,
} from "./business-metrics"
import { readEventQueueStats, type EventQueueStats } from "./event-queue"
import {
  enqueueCatalogSync,
  finishCatalogSyncBatch,
  readCatalogSyncStats,
  takeCatalogSyncBatch,
  type CatalogSyncBatch,
  type CatalogSyncLane,
  type CatalogSyncStats,
} from "./catalog-sync-queue"
import { closeConnection, whenReady } from "./redis"
import { Revocations } from "./revocations"
import type { PlatformDependencies, PlatformModuleOptions, RevocationClaims } from "./types"

/**
 * The process-wide infrastructure of the engine, outside any domain: the platform's Redis
 * connection (rate limits, readiness), access-token revocations and the catalog read
 * cache. Without `redisUrl` everything lives in this process's memory.
 */
/** The longest a cached shipping-option listing lives (see the constructor). */
const SHIPPING_CACHE_TTL_MS = 60_000

export default class PlatformModuleService {
  private readonly redis_: Redis | undefined
  private readonly subscriber_: Redis | undefined
  private readonly revocations_: Revocations
  private readonly catalogCache_: GenerationCache
  private readonly recommendationCache_: GenerationCache
  private readonly shippingCache_: GenerationCache
  private readonly live_: LiveFanout
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
    const common = {
      redis: this.redis_,
      subscriber: this.subscriber_,
      shared: this.redis_ ? redisSharedCache(this.redis_) : undefined,
      logger: dependencies.logger,
      entries: options.catalogCache.entries,
      ttlMs: options.catalogCache.ttlMs,
    }
    this.catalogCache_ = new GenerationCache({ ...common, name: "catalog", marks: true })
    // Recommendations show catalog products (only active, in-stock ones): a catalog write
    // makes them render afresh too, as does a change of the purchase counts.
    this.recommendationCache_ = new GenerationCache({
      ...common,
      name: "recommendations",
      dependsOn: [this.catalogCache_],
    })
    // Shipping options are listed per sales channel. Links between channels, locations and
    // fulfillment sets change without events: besides the invalidations
    // (src/subscribers/invalidate-shipping-options.ts, src/api/utils/shipping-cache.ts),
    // entries live at most a minute.
    this.shippingCache_ = new GenerationCache({
      ...common,
      name: "shipping",
      ttlMs: Math.min(common.ttlMs, SHIPPING_CACHE_TTL_MS),
      l2TtlSeconds: SHIPPING_CACHE_TTL_MS / 1000,
    })
    this.live_ = new LiveFanout({
      redis: this.redis_,
      subscriber: this.subscriber_,
      logger: dependencies.logger,
    })
  }

  /**
   * Connections stay open through `onApplicationPrepareShutdown` (workflows and requests
   * still finishing may revoke a session or invalidate the cache) and close on shutdown.
   */
  __hooks = {
    onApplicationShutdown: async (): Promise<void> => {
      // Open live streams would otherwise keep the HTTP server from closing.
      this.live_.closeAll()
      const connections = [this.redis_, this.subscriber_].filter((redis): redis is Redis =>
        Boolean(redis)
      )
      await Promise.all(connections.map(closeConnection))
      this.revocations_.clear()
      this.catalogCache_.clear()
      this.recommendationCache_.clear()
      this.shippingCache_.clear()
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

  /**
   * Asks for a catalog sync of products through the shared queue (catalog-sync-queue.ts).
   * False without Redis: the caller then syncs in this process.
   */
  async enqueueCatalogSync(productIds: string[], lane: CatalogSyncLane): Promise<boolean> {
    if (!this.redis_) {
      return false
    }
    await enqueueCatalogSync(this.redis_, productIds, lane)
    return true
  }

  /** The next products to sync (stock lane first), or undefined when none wait. */
  async takeCatalogSyncBatch(max: number): Promise<CatalogSyncBatch | undefined> {
    return this.redis_ ? takeCatalogSyncBatch(this.redis_, max) : undefined
  }

  /** Ends a batch taken above; a failed one waits again. */
  async finishCatalogSyncBatch(batch: CatalogSyncBatch, failed: boolean): Promise<void> {
    if (this.redis_) {
      await finishCatalogSyncBatch(this.redis_, batch, failed)
    }
  }

  /** The catalog sync queue (Redis only): how many products wait and for how long. */
  async catalogSyncStats(): Promise<CatalogSyncStats | undefined> {
    return this.redis_ ? readCatalogSyncStats(this.redis_) : undefined
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

  /** The same, with the answer's entity tag (hashed once per cache entry): HTTP caching. */
  cachedCatalogAnswer(
    key: string,
    render: () => Promise<RenderedBody>,
    options?: ReadOptions
  ): Promise<RenderedAnswer> {
    return this.catalogCache_.readAnswer(key, render, options)
  }

  /**
   * A value derived from the catalog (a search's parsed query), kept in this process until
   * the catalog changes (GenerationCache.value).
   */
  cachedCatalogValue<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.catalogCache_.value(key, compute)
  }

  /** A catalog-derived value this process has, and how to keep one (GenerationCache.peekValue). */
  peekCatalogValue<T>(key: string): Promise<{ value: T | undefined; keep: (value: T) => void }> {
    return this.catalogCache_.peekValue<T>(key)
  }

  /** The catalog generation this process follows now (GenerationCache.currentStamp). */
  catalogStamp(): Promise<string> {
    return this.catalogCache_.currentStamp()
  }

  /** After every catalog write: later reads render afresh in every process. */
  invalidateCatalogCache(): Promise<void> {
    return this.catalogCache_.invalidate()
  }

  /**
   * After a write that changed only what these products show (their stock): the cached
   * answers showing one of them render afresh in every process, the others stay.
   */
  markCatalogProducts(productIds: string[]): Promise<void> {
    return this.catalogCache_.mark(productIds)
  }

  /** The catalog's marks epoch now: what a copy of the catalog read from now on reflects. */
  catalogMarksNow(): number {
    return this.catalogCache_.marksNow()
  }

  /** Whether none of `productIds` was marked after a copy of the catalog of `epoch` was read. */
  catalogMarksCurrent(productIds: readonly string[], epoch: number): boolean {
    return this.catalogCache_.marksCurrent(productIds, epoch)
  }

  /**
   * A rendered recommendations response for `key`, from a cache level or from `render`;
   * valid until the purchase counts or the catalog change (docs/RECOMMENDATIONS.md).
   */
  cachedRecommendationRead(key: string, render: () => Promise<string>): Promise<string> {
    return this.recommendationCache_.read(key, render)
  }

  /** After the purchase counts changed: later recommendation reads render afresh. */
  invalidateRecommendationCache(): Promise<void> {
    return this.recommendationCache_.invalidate()
  }

  /**
   * A sales channel's shipping options as checkout lists them, from a cache level or from
   * `render` (src/queries/order/shipping-option-listing.ts).
   */
  cachedShippingRead(key: string, render: () => Promise<string>): Promise<string> {
    return this.shippingCache_.read(key, render)
  }

  /** After a change to shipping options, zones, fulfillment sets or stock locations. */
  invalidateShippingCache(): Promise<void> {
    return this.shippingCache_.invalidate()
  }

  /** Sends a live message to the listeners of `topic` in every process (docs/LIVE-UPDATES.md). */
  publishLive(topic: string, data: unknown): Promise<void> {
    return this.live_.publish(topic, data)
  }

  /** Listens to the live messages of `topic`; the returned function stops listening. */
  listenLive(topic: string, listener: LiveListener): () => void {
    return this.live_.listen(topic, listener)
  }

  /** Ends every live stream of this process (the HTTP server stopped listening). */
  closeLiveConnections(): void {
    this.live_.closeAll()
  }

  /** One of `limit` live connections of `owner` in this process, or undefined when all are open. */
  claimLiveConnection(owner: string, limit: number): (() => void) | undefined {
    return this.live_.claimConnection(owner, limit)
  }
}
