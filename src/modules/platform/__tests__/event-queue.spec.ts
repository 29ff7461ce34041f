import { Queue } from "bullmq"
import Redis from "ioredis"
import { asValue } from "@medusajs/framework/awilix"
import { createMedusaContainer } from "@medusajs/framework/utils"
import RedisEventBusService from "@medusajs/event-bus-redis/dist/services/event-bus-redis"
import reportEventQueue from "../../../jobs/report-event-queue"
import { PLATFORM_MODULE } from ".."
import { EVENT_QUEUE, readEventQueueStats } from "../event-queue"
import type PlatformModuleService from "../service"
import { standalonePlatform } from "./standalone"

// The event queue's depth and the age of its oldest event, read from the BullMQ keys of
// Medusa's Redis event bus: GET /metrics (shop_event_queue_depth, shop_catalog_lag_seconds)
// and the worker's CloudWatch line behind the EventQueueDepth alarm (infra/lib/alarms.ts)
// depend on these key names. Jobs are put in the queue with BullMQ itself, as the event
// bus does; nothing consumes them. REDIS_URL is this jest worker's own database
// (integration-tests/setup.js).
const REDIS_URL = process.env.REDIS_URL || "redis://localhost:6379/15"
// Where @medusajs/event-bus-redis queues events: BullMQ prefix = its class name, queue
// "events-queue" (its default).
const PREFIX = RedisEventBusService.name
const NAME = "events-queue"
const T0 = Date.parse("2026-01-01T00:00:00Z")

describe("event queue statistics", () => {
  let platform: PlatformModuleService
  let queue: Queue
  let redis: Redis

  beforeAll(async () => {
    // BullMQ takes an ioredis client (a `url` in its connection options is ignored).
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null })
    platform = await standalonePlatform({ redisUrl: REDIS_URL })
    await platform.whenReady()
    queue = new Queue(NAME, { prefix: PREFIX, connection: redis })
    await queue.obliterate({ force: true })
  })

  afterAll(async () => {
    await queue.obliterate({ force: true })
    await queue.close()
    redis.disconnect()
    await platform.__hooks.onApplicationShutdown()
  })

  it("reads the queue Medusa's Redis event bus writes to", () => {
    expect(EVENT_QUEUE).toBe(`${PREFIX}:${NAME}`)
  })

  it("is empty with nothing queued", async () => {
    expect(await platform.eventQueueStats()).toEqual({ depth: 0, oldestAgeSeconds: 0 })
  })

  it("counts waiting and delayed events and ages the oldest waiting one", async () => {
    await queue.add("order.placed", { id: "1" }, { timestamp: T0 })
    await queue.add("order.placed", { id: "2" }, { timestamp: T0 + 5_000 })
    await queue.add("product.updated", { id: "3" }, { timestamp: T0 + 8_000 })
    await queue.add("payment.captured", { id: "4" }, { delay: 60_000 })

    const stats = await platform.eventQueueStats()
    expect(stats?.depth).toBe(4)
    // Aged from the first job's own timestamp (T0), not from when it was queued.
    expect(stats?.oldestAgeSeconds).toBeGreaterThanOrEqual((Date.now() - T0) / 1000 - 60)
    expect(await readEventQueueStats(redis, T0 + 30_000)).toEqual({
      depth: 4,
      oldestAgeSeconds: 30,
    })
  })

  it("publishes the depth as a CloudWatch Embedded Metric Format line when asked to", async () => {
    const container = createMedusaContainer()
    container.register({ [PLATFORM_MODULE]: asValue(platform) })
    const lines: string[] = []
    const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    const previous = process.env.CLOUDWATCH_METRICS
    try {
      delete process.env.CLOUDWATCH_METRICS
      await reportEventQueue(container)
      expect(lines).toEqual([])

      process.env.CLOUDWATCH_METRICS = "true"
      await reportEventQueue(container)
    } finally {
      write.mockRestore()
      if (previous === undefined) {
        delete process.env.CLOUDWATCH_METRICS
      } else {
        process.env.CLOUDWATCH_METRICS = previous
      }
    }
    expect(lines).toHaveLength(1)
    const line = JSON.parse(lines[0]) as Record<string, unknown> & {
      _aws: { CloudWatchMetrics: Array<{ Namespace: string; Metrics: Array<{ Name: string }> }> }
    }
    // What infra/lib/alarms.ts alarms on (QUEUE_METRIC).
    const [directive] = line._aws.CloudWatchMetrics
    expect(directive.Namespace).toBe("CommerceEngine")
    expect(directive.Metrics.map((m) => m.Name)).toEqual([
      "EventQueueDepth",
      "EventQueueOldestAgeSeconds",
    ])
    expect(line.EventQueueDepth).toBe(4)
    expect(line.EventQueueOldestAgeSeconds).toBeGreaterThan(0)
  })
})
