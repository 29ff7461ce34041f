const Redis = require("ioredis")

jest.setTimeout(120_000)

// The same check the specs' waitForIdleEventQueue makes (helpers/redis.ts).
const { pendingEventWork } = require("./helpers/redis")

const SETTLE_LIMIT_MS = 15_000

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
// waiting or running and the catalog's sync
// queue is empty and idle. Delayed jobs (retries, the low-stock digest) are not waited for.
// This root hook runs after the runner's own afterEach and before its afterAll.
afterEach(async () => {
  if (!process.env.REDIS_URL) {
    return
  }
  const redis = client()
  const deadline = Date.now() + SETTLE_LIMIT_MS
  try {
    while ((await pendingEventWork(redis)) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  } catch {
    // Redis unreachable (a fault-injection spec cut it): there is nothing to wait for.
  } finally {
    redis.disconnect()
  }
})
