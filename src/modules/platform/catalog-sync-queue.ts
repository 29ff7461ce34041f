import type Redis from "ioredis"

/**
 * The catalog's own sync queue, shared by every process through Redis: the products whose
 * catalog rows must be rebuilt, as two sorted sets (member = product id, score = when it
 * was first asked for). A product asked for again while it waits is not added twice
 * (`ZADD NX` keeps the first time), so all the events of a burst about one product, from
 * any process and however far apart in Medusa's event queue, cost one sync. Stock changes
 * wait in their own lane and are always taken first, so a bulk import's backlog never
 * holds up a sale's stock. `active` counts batches being synced (for the idle check).
 */
export const CATALOG_SYNC_KEYS = {
  stock: "catalog:sync:stock",
  bulk: "catalog:sync:bulk",
  active: "catalog:sync:active",
} as const

export type CatalogSyncLane = "stock" | "bulk"

export type CatalogSyncStats = {
  /** Products waiting for a sync (both lanes). */
  pending: number
  /** Products waiting in the stock lane. */
  pending_stock: number
  /** How long the longest-waiting product has waited: how far the read model lags. */
  oldest_age_seconds: number
  /** Batches being synced right now, over all processes. */
  active: number
}

export type CatalogSyncBatch = {
  lane: CatalogSyncLane
  product_ids: string[]
  /** When the longest-waiting of them was first asked for (ms). */
  since: number
}

export type CatalogSyncKeys = { [K in keyof typeof CATALOG_SYNC_KEYS]: string }

/** Adds products to a lane; those already waiting there keep their place. */
export async function enqueueCatalogSync(
  redis: Redis,
  productIds: string[],
  lane: CatalogSyncLane,
  now = Date.now(),
  keys: CatalogSyncKeys = CATALOG_SYNC_KEYS
): Promise<void> {
  if (!productIds.length) {
    return
  }
  await redis.zadd(keys[lane], "NX", ...productIds.flatMap((id) => [now, id]))
}

/**
 * Takes up to `max` products, oldest first, from the stock lane, or from the bulk lane
 * when no stock change waits; counts the batch as active until `finishCatalogSyncBatch`.
 */
export async function takeCatalogSyncBatch(
  redis: Redis,
  max: number,
  keys: CatalogSyncKeys = CATALOG_SYNC_KEYS
): Promise<CatalogSyncBatch | undefined> {
  for (const lane of ["stock", "bulk"] as const) {
    const [popped] = (await redis.multi().zpopmin(keys[lane], max).incr(keys.active).exec()) as [
      [Error | null, string[]],
      [Error | null, number],
    ]
    const flat = popped?.[1] ?? []
    const ids = flat.filter((_, index) => index % 2 === 0)
    if (ids.length) {
      // ZPOPMIN answers member, score, member, score…: the first score is the oldest.
      return { lane, product_ids: ids, since: Number(flat[1]) }
    }
    await redis.decr(keys.active)
  }
  return undefined
}

/** Ends a batch; a failed one goes back to its lane, at its old place. */
export async function finishCatalogSyncBatch(
  redis: Redis,
  batch: CatalogSyncBatch,
  failed: boolean,
  keys: CatalogSyncKeys = CATALOG_SYNC_KEYS
): Promise<void> {
  if (failed) {
    await enqueueCatalogSync(redis, batch.product_ids, batch.lane, batch.since, keys)
  }
  await redis.decr(keys.active)
}

export async function readCatalogSyncStats(
  redis: Redis,
  now = Date.now(),
  keys: CatalogSyncKeys = CATALOG_SYNC_KEYS
): Promise<CatalogSyncStats> {
  const replies = (await redis
    .multi()
    .zcard(keys.stock)
    .zcard(keys.bulk)
    .zrange(keys.stock, 0, 0, "WITHSCORES")
    .zrange(keys.bulk, 0, 0, "WITHSCORES")
    .get(keys.active)
    .exec()) as [Error | null, unknown][]
  const [stock, bulk, oldestStock, oldestBulk, active] = replies.map(([error, value]) => {
    if (error) {
      throw error
    }
    return value
  })
  const firstTimes = [oldestStock, oldestBulk]
    .map((entry) => (entry as string[])[1])
    .filter((score): score is string => score !== undefined)
    .map(Number)
  const oldest = firstTimes.length ? Math.min(...firstTimes) : now
  return {
    pending: Number(stock) + Number(bulk),
    pending_stock: Number(stock),
    oldest_age_seconds: Math.max(0, (now - oldest) / 1000),
    active: Math.max(0, Number(active ?? 0)),
  }
}
