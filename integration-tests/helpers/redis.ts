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

/** Medusa's Redis event bus (src/modules/platform/event-queue.ts). */
const EVENT_QUEUE = "RedisEventBusService:events-queue"

/**
 * Event-driven work not done yet: events of Medusa's Redis event bus waiting or being
 * handled (and, with `delayed`, those scheduled for later: retries, the low-stock digest),
 * plus products in the catalog's sync queue and batches being synced. 0 when all is done.
 */
export async function pendingEventWork(
  redis: Redis,
  { delayed = false }: { delayed?: boolean } = {}
): Promise<number> {
  const replies = await redis
    .multi()
    .llen(`${EVENT_QUEUE}:wait`)
    .llen(`${EVENT_QUEUE}:active`)
    .zcard(`${EVENT_QUEUE}:prioritized`)
    .zcard(`${EVENT_QUEUE}:delayed`)
    .zcard(CATALOG_SYNC_KEYS.stock)
    .zcard(CATALOG_SYNC_KEYS.bulk)
    .get(CATALOG_SYNC_KEYS.active)
    .exec()
  const [waiting, active, prioritized, later, stock, bulk, syncing] = (replies ?? []).map(
    ([error, value]) => {
      if (error) {
        throw error
      }
      return Math.max(0, Number(value ?? 0))
    }
  )
  return waiting + active + prioritized + (delayed ? later : 0) + stock + bulk + syncing
}

/**
 * Resolves once Medusa's Redis event bus has no event waiting or being handled (delayed
 * ones too, with `delayed`) and the catalog's sync queue is empty and idle: what earlier
 * writes' subscribers had to do is done. Rejects after `timeoutMs`.
 */
export async function waitForIdleEventQueue(
  timeoutMs = 15_000,
  options: { delayed?: boolean } = {}
): Promise<void> {
  const redis = new Redis(useTestRedis(), { maxRetriesPerRequest: 1 })
  try {
    await waitFor(async () => (await pendingEventWork(redis, options)) === 0, timeoutMs)
  } finally {
    redis.disconnect()
  }
}

/** Medusa's Redis locking provider's key prefix (its default). */
const LOCK_PREFIX = "medusa_lock:"

/**
 * The locks held in Redis, each with its owner: Medusa's lock keys, without the engine's
 * `<key>:acquisition` records (src/modules/locking-redis), which outlive a release.
 */
export async function locksHeld(redis: Redis): Promise<Record<string, string | null>> {
  const held: Record<string, string | null> = {}
  for await (const keys of redis.scanStream({ match: `${LOCK_PREFIX}*`, count: 100 })) {
    for (const key of keys as string[]) {
      if (!key.endsWith(":acquisition")) {
        held[key.slice(LOCK_PREFIX.length)] = await redis.get(key)
      }
    }
  }
  return held
}

/**
 * Fails unless every lock but those in `heldBefore` (taken before the test began, by an
 * earlier spec of this jest worker) is released within `timeoutMs` (work that events
 * started may still hold one for a moment): a workflow whose release does not match its
 * acquisition leaves its key taken for the whole lease, and the next request on it waits
 * and fails.
 */
export async function expectLocksReleased(
  redis: Redis,
  heldBefore: string[] = [],
  timeoutMs = 15_000
): Promise<void> {
  const taken = async () =>
    Object.entries(await locksHeld(redis)).filter(([key]) => !heldBefore.includes(key))
  try {
    await waitFor(async () => (await taken()).length === 0, timeoutMs)
  } catch {
    throw new Error(`locks still held: ${JSON.stringify(await taken())}`)
  }
}

/**
 * Registers hooks that fail a test whose workflows left a lock taken (expectLocksReleased),
 * on a client of its own for the spec's Redis database (`redisUrl`).
 */
export function expectLocksReleasedAfterEachTest(redisUrl: string): void {
  let redis: Redis
  let heldBefore: string[]
  beforeAll(() => {
    redis = new Redis(redisUrl)
  })
  afterAll(() => {
    redis.disconnect()
  })
  beforeEach(async () => {
    heldBefore = Object.keys(await locksHeld(redis))
  })
  afterEach(async () => {
    await expectLocksReleased(redis, heldBefore)
  })
}
