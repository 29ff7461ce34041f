import { randomUUID } from "node:crypto"
import Redis from "ioredis"
import {
  enqueueCatalogSync,
  finishCatalogSyncBatch,
  readCatalogSyncStats,
  takeCatalogSyncBatch,
  type CatalogSyncKeys,
} from "../catalog-sync-queue"

// REDIS_URL's server (else the local one), the spare database platform-redis.spec uses;
// keys of this run only.
const redisServer = new URL(process.env.REDIS_URL || "redis://localhost:6379")
redisServer.pathname = "/14"

describe("catalog sync queue on Redis", () => {
  const redis = new Redis(redisServer.toString(), { maxRetriesPerRequest: 1 })
  const run = randomUUID()
  const keys: CatalogSyncKeys = {
    stock: `test:${run}:stock`,
    bulk: `test:${run}:bulk`,
    active: `test:${run}:active`,
  }

  afterAll(async () => {
    await redis.del(keys.stock, keys.bulk, keys.active)
    redis.disconnect()
  })

  it("keeps one entry per product, takes stock first, and reports depth and lag", async () => {
    // A bulk import's burst: the same products named by many events, from any process.
    await enqueueCatalogSync(redis, ["prod_a", "prod_b"], "bulk", 1_000, keys)
    await enqueueCatalogSync(redis, ["prod_b", "prod_a", "prod_c"], "bulk", 2_000, keys)
    await enqueueCatalogSync(redis, ["prod_s"], "stock", 3_000, keys)
    await enqueueCatalogSync(redis, ["prod_s"], "stock", 4_000, keys)

    expect(await readCatalogSyncStats(redis, 5_000, keys)).toEqual({
      pending: 4,
      pending_stock: 1,
      oldest_age_seconds: 4,
      active: 0,
    })

    // The stock change first, though it came last; then the oldest bulk products.
    const stock = await takeCatalogSyncBatch(redis, 2, keys)
    expect(stock).toEqual({ lane: "stock", product_ids: ["prod_s"], since: 3_000 })
    const bulk = await takeCatalogSyncBatch(redis, 2, keys)
    expect(bulk).toEqual({ lane: "bulk", product_ids: ["prod_a", "prod_b"], since: 1_000 })
    expect(await readCatalogSyncStats(redis, 5_000, keys)).toMatchObject({
      pending: 1,
      active: 2,
    })

    // A failed batch waits again at its old place; a finished one is gone.
    await finishCatalogSyncBatch(redis, stock!, false, keys)
    await finishCatalogSyncBatch(redis, bulk!, true, keys)
    expect(await readCatalogSyncStats(redis, 5_000, keys)).toEqual({
      pending: 3,
      pending_stock: 0,
      oldest_age_seconds: 4,
      active: 0,
    })
    expect(await takeCatalogSyncBatch(redis, 10, keys)).toEqual({
      lane: "bulk",
      product_ids: ["prod_a", "prod_b", "prod_c"],
      since: 1_000,
    })
    expect(await takeCatalogSyncBatch(redis, 10, keys)).toBeUndefined()
    expect(await readCatalogSyncStats(redis, 5_000, keys)).toMatchObject({ pending: 0, active: 1 })
  })
})
