const Redis = require("ioredis")

jest.setTimeout(120_000)

// Medusa's Redis event bus (src/modules/platform/event-queue.ts): jobs not yet taken by
// a worker, and jobs being handled.
const EVENT_QUEUE = "RedisEventBusService:events-queue"
const SETTLE_LIMIT_MS = 15_000
// The catalog's own sync queue (src/modules/platform/catalog-sync-queue.ts): products
// waiting, and batches being synced.
const CATALOG_SYNC = {
  stock: "catalog:sync:stock",
  bulk: "catalog:sync:bulk",
  active: "catalog:sync:active",
}

const client = () => new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 })

// A spec file starts from an empty Redis database: no queued jobs or locks left over
// from the previous file this worker ran.
beforeAll(async () => {
  if (!process.env.REDIS_URL) {
    return
  }
  const redis = client()
  try {
    await redis.flushdb()
  } finally {
    redis.disconnect()
  }
})

// A test's writes emit events that subscribers handle after the answer (catalog sync,
// analytics, emails). The runner restores the database before the next test and shuts
// the app down after the last one; a subscriber still at work then writes into the next
// test's data, or finishes its workflow after Redis closed (an unhandled "Connection is
// closed" that fails the whole file). So each test ends when the event queue has no job
// waiting or running and the catalog's sync queue is empty and idle. Delayed jobs (retries, the low-stock digest) are not waited for.
// This root hook runs after the runner's own afterEach and before its afterAll.
afterEach(async () => {
  if (!process.env.REDIS_URL) {
    return
  }
  const redis = client()
  const deadline = Date.now() + SETTLE_LIMIT_MS
  try {
    for (;;) {
      const [[, waiting], [, active], [, prioritized], [, stock], [, bulk], [, syncing]] =
        await redis
          .multi()
          .llen(`${EVENT_QUEUE}:wait`)
          .llen(`${EVENT_QUEUE}:active`)
          .zcard(`${EVENT_QUEUE}:prioritized`)
          .zcard(CATALOG_SYNC.stock)
          .zcard(CATALOG_SYNC.bulk)
          .get(CATALOG_SYNC.active)
          .exec()
      const pending = waiting + active + prioritized + stock + bulk + Number(syncing ?? 0)
      if (pending <= 0 || Date.now() > deadline) {
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  } catch {
    // Redis unreachable (a fault-injection spec cut it): there is nothing to wait for.
  } finally {
    redis.disconnect()
  }
})
