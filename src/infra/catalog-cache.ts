import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { platformRedis, whenReady } from "./redis"
import { platformSettings } from "../config/platform"
import { ResponseCache } from "../utils/catalog/response-cache"
import { catalogSettings } from "../config/catalog"

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
const CHANNEL = "catalog:invalidated"
const L2_TAG = "catalog"
const L2_TTL_SECONDS = 300
/** How often a process re-reads the shared generation, in case an announcement was missed. */
const GENERATION_CHECK_MS = 1000

let generation = 0
let l1: ResponseCache | undefined
let subscriber: Redis | undefined
let subscribed: Promise<void> | undefined
let lastCheck = 0

function localCache(): ResponseCache {
  l1 ??= new ResponseCache(catalogSettings().cacheEntries, catalogSettings().cacheTtlMs)
  return l1
}

function adopt(next: number): void {
  if (next > generation) {
    generation = next
    localCache().clear()
  }
}

/**
 * Joins the shared generation (Redis mode) and follows its announcements. The subscriber
 * connection is made once per process; ioredis reconnects and re-subscribes by itself.
 * Until the first read of the counter succeeds, it is retried on later requests.
 */
function followSharedGeneration(): Promise<void> {
  const url = platformSettings().redisUrl
  const redis = platformRedis()
  if (!url || !redis) {
    return Promise.resolve()
  }
  if (!subscriber) {
    subscriber = new Redis(url, { maxRetriesPerRequest: 1 })
    subscriber.on("error", () => undefined)
    subscriber.on("message", (_channel: string, message: string) => adopt(Number(message)))
    subscriber.subscribe(CHANNEL).catch(() => undefined)
  }
  subscribed ??= (async () => {
    await whenReady(redis)
    adopt(Number((await redis.get(GENERATION_KEY)) ?? 0))
    lastCheck = Date.now()
  })().catch(() => {
    // Redis unreachable: serve with the local generation and try again next time.
    subscribed = undefined
  })
  return subscribed
}

/**
 * Pub/sub messages are not queued for a disconnected subscriber: at most once a second,
 * the shared counter is read in the background, so a missed announcement costs at most
 * about a second of stale answers.
 */
function recheckSharedGeneration(now = Date.now()): void {
  const redis = platformRedis()
  if (!redis || now - lastCheck < GENERATION_CHECK_MS) {
    return
  }
  lastCheck = now
  redis
    .get(GENERATION_KEY)
    .then((value) => adopt(Number(value ?? 0)))
    .catch(() => undefined)
}

type CachingModule = {
  get(options: { key: string }): Promise<unknown>
  set(options: { key: string; data: object; ttl?: number; tags: string[] }): Promise<void>
  clear(options: { tags: string[] }): Promise<void>
}

function cachingModule(scope: MedusaContainer): CachingModule | undefined {
  return scope.hasRegistration(Modules.CACHING)
    ? scope.resolve<CachingModule>(Modules.CACHING)
    : undefined
}

/** The rendered response for `key`, from a cache level or from `render`. */
export async function cachedCatalogRead(
  scope: MedusaContainer,
  key: string,
  render: () => Promise<string>
): Promise<string> {
  if (!subscribed) {
    const joining = followSharedGeneration()
    // Wait for the shared counter only when Redis answers; during an outage, reads go on
    // with the local generation instead of stalling.
    if (platformRedis()?.status === "ready") {
      await joining
    }
  }
  recheckSharedGeneration()
  const fullKey = `${generation}|${key}`
  const hit = localCache().get(fullKey)
  if (hit !== undefined) {
    return hit
  }
  const caching = cachingModule(scope)
  const shared = (await caching?.get({ key: `catalog:${fullKey}` }).catch(() => undefined)) as
    { body?: string } | undefined
  if (typeof shared?.body === "string") {
    localCache().set(fullKey, shared.body)
    return shared.body
  }
  const readAt = generation
  const body = await render()
  // Only cache what was rendered under the current generation: a write that landed while
  // rendering must not be hidden behind an older answer.
  if (readAt === generation) {
    localCache().set(fullKey, body)
    await caching
      ?.set({ key: `catalog:${fullKey}`, data: { body }, ttl: L2_TTL_SECONDS, tags: [L2_TAG] })
      .catch(() => undefined)
  }
  return body
}

/** Called after every catalog write: later reads render afresh in every process. */
export async function invalidateCatalogCache(scope: MedusaContainer): Promise<void> {
  const redis = platformRedis()
  let next = generation + 1
  if (redis) {
    try {
      // A process that has not talked to Redis yet (a `medusa exec` script) connects first.
      await whenReady(redis)
      next = Math.max(next, await redis.incr(GENERATION_KEY))
      await redis.publish(CHANNEL, String(next))
    } catch (error) {
      scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`catalog: could not announce a cache invalidation: ${(error as Error).message}`)
    }
  }
  adopt(next)
  await cachingModule(scope)
    ?.clear({ tags: [L2_TAG] })
    .catch(() => undefined)
}
