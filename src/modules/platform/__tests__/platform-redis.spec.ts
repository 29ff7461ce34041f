import { randomUUID } from "node:crypto"
import { createMedusaContainer } from "@medusajs/framework/utils"
import { logger } from "@medusajs/framework/logger"
import IORedis from "ioredis"
import type Redis from "ioredis"
import { ProductMarks } from "../product-marks"
import { whenReady } from "../redis"
import type PlatformModuleService from "../service"
import { standalonePlatform } from "./standalone"

// Two instances of the module on one Redis (REDIS_URL's server, else the local one), as two
// server processes would be. A spare database: the HTTP specs use one per jest worker and
// flush it.
const redisServer = new URL(process.env.REDIS_URL || "redis://localhost:6379")
redisServer.pathname = "/14"
const REDIS_URL = redisServer.toString()

async function waitUntil(condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The first key matching `pattern`, once one exists (L2 writes happen in the background). */
async function waitForKey(redis: Redis, pattern: string): Promise<string | undefined> {
  const deadline = Date.now() + 1000
  while (Date.now() < deadline) {
    const [key] = await redis.keys(pattern)
    if (key) {
      return key
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return undefined
}

describe("platform module on Redis", () => {
  let first: PlatformModuleService
  let second: PlatformModuleService
  const unique = randomUUID()

  beforeAll(async () => {
    first = await standalonePlatform({ redisUrl: REDIS_URL })
    second = await standalonePlatform({ redisUrl: REDIS_URL })
    await Promise.all([first.whenReady(), second.whenReady()])
  })

  afterAll(async () => {
    await Promise.all([first, second].map((platform) => platform.__hooks.onApplicationShutdown()))
  })

  it("refuses a token in every instance once one revoked it, until unblocked", async () => {
    const now = Math.floor(Date.now() / 1000)
    await first.revokeSession(`fam_${unique}`, 60)
    expect(await second.isTokenRevoked({ sid: `fam_${unique}` })).toBe(true)

    await first.blockActor(`cus_${unique}`)
    expect(await second.isTokenRevoked({ actor_id: `cus_${unique}`, iat: now + 60 })).toBe(true)
    await second.unblockActor(`cus_${unique}`)
    expect(await second.isTokenRevoked({ actor_id: `cus_${unique}`, iat: now })).toBe(false)
  })

  it("drops the other instance's cached reads when one invalidates", async () => {
    const key = `page:${unique}`
    let renders = 0
    const render = async () => `rendered ${++renders}`
    await second.cachedCatalogRead(key, render)
    const before = renders

    await first.invalidateCatalogCache()
    // The announcement arrives over pub/sub; the 1-second re-read of the counter is the
    // fallback, so this waits for less than that.
    const deadline = Date.now() + 900
    let body = await second.cachedCatalogRead(key, render)
    while (renders === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      body = await second.cachedCatalogRead(key, render)
    }
    expect(renders).toBe(before + 1)
    expect(body).toBe(`rendered ${before + 1}`)
  })

  it("serves an answer the other instance rendered and shared (L2) without rendering it", async () => {
    const key = `page-l2:${unique}`
    let renders = 0
    const render = async () => `rendered ${++renders}`
    // L2 admits an answer on its second ask, in the background.
    await first.cachedCatalogRead(key, render)
    await first.cachedCatalogRead(key, render)
    const stored = await waitForKey(first.redis()!, `l2:catalog:*${key}`)
    expect(stored).toBeDefined()

    expect(await second.cachedCatalogRead(key, render)).toBe("rendered 1")
    expect(renders).toBe(1)
    // Stored under the generation it was rendered in, with a time to live.
    expect(await first.redis()!.ttl(stored!)).toBeGreaterThan(0)
  })

  it("shares the recommendations' invalidations, each cache hearing only its own channel", async () => {
    const key = `recs:${unique}`
    let renders = 0
    const render = async () => `rendered ${++renders}`
    let catalogRenders = 0
    const renderCatalog = async () => `catalog ${++catalogRenders}`
    await second.cachedRecommendationRead(key, render)
    await second.cachedCatalogRead(`page2:${unique}`, renderCatalog)

    // Ahead of the catalog's counter, so a catalog cache that took any announcement for
    // its own would move to a new generation and render again.
    const redis = first.redis() as Redis
    const catalogGeneration = Number((await redis.get("catalog:generation")) ?? 0)
    await redis.set("recommendations:generation", catalogGeneration + 1000)
    await first.invalidateRecommendationCache()
    const deadline = Date.now() + 900
    while (renders === 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      await second.cachedRecommendationRead(key, render)
    }
    expect(renders).toBe(2)
    // The recommendations' announcement does not touch the catalog's entries.
    await second.cachedCatalogRead(`page2:${unique}`, renderCatalog)
    expect(catalogRenders).toBe(1)
  })

  it("re-renders in the other instance only the answers showing a product one marked", async () => {
    const lamp = `prod_lamp_${unique}`
    let lampRenders = 0
    let mugRenders = 0
    const renderLamp = async () => ({ body: `lamp ${++lampRenders}`, products: [lamp] })
    const renderMug = async () => ({
      body: `mug ${++mugRenders}`,
      products: [`prod_mug_${unique}`],
    })
    await second.cachedCatalogAnswer(`lamp:${unique}`, renderLamp)
    await second.cachedCatalogAnswer(`mug:${unique}`, renderMug)

    await first.markCatalogProducts([lamp])
    const deadline = Date.now() + 900
    while (lampRenders === 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      await second.cachedCatalogAnswer(`lamp:${unique}`, renderLamp)
    }
    await second.cachedCatalogAnswer(`mug:${unique}`, renderMug)
    expect({ lampRenders, mugRenders }).toEqual({ lampRenders: 2, mugRenders: 1 })
  })

  describe("a process that missed announcements", () => {
    const connections: Redis[] = []
    const connect = async () => {
      const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1 })
      connections.push(redis)
      await whenReady(redis)
      return redis
    }
    // No subscriber: the process hears nothing and must read the shared log.
    const deaf = async (name: string, logSize?: number) =>
      new ProductMarks({ name, redis: await connect(), logger, logSize })

    afterAll(async () => {
      await Promise.all(connections.map((redis) => redis.quit()))
    })

    it("reads the marks it missed from the log within a second", async () => {
      const name = `marks-${unique}-a`
      const listener = await deaf(name)
      await listener.follow()
      const renderedAt = listener.now()
      await (await deaf(name)).mark(["prod_a"])
      expect(listener.isCurrent(["prod_a"], renderedAt)).toBe(true)

      await new Promise((resolve) => setTimeout(resolve, 1050))
      await listener.follow()
      await waitUntil(() => !listener.isCurrent(["prod_a"], renderedAt))
      expect(listener.isCurrent(["prod_b"], renderedAt)).toBe(true)
      expect(listener.isCurrent(["prod_a"], listener.now())).toBe(true)
    })

    it("serves nothing rendered before marks that left the log unread", async () => {
      const name = `marks-${unique}-b`
      const listener = await deaf(name, 2)
      await listener.follow()
      const renderedAt = listener.now()
      const writer = await deaf(name, 2)
      await writer.mark(["prod_a"])
      await writer.mark(["prod_b"])
      await writer.mark(["prod_c"])

      await new Promise((resolve) => setTimeout(resolve, 1050))
      await listener.follow()
      // prod_a's mark left the two-product log: no answer from before it can be checked.
      await waitUntil(() => !listener.isCurrent(["prod_z"], renderedAt))
      expect(listener.isCurrent(["prod_z"], listener.now())).toBe(true)
    })

    it("joins with the log's marks", async () => {
      const name = `marks-${unique}-c`
      await (await deaf(name)).mark(["prod_a"])
      const joining = await deaf(name)
      await joining.follow()
      expect(joining.isCurrent(["prod_a"], 0)).toBe(false)
      expect(joining.isCurrent(["prod_b"], 0)).toBe(true)
    })
  })

  it("delivers a live message published by one instance to the listeners of both", async () => {
    const topic = `topic:${unique}`
    const received: { where: string; data: unknown }[] = []
    const listener = (where: string) => ({
      deliver: (data: unknown) => received.push({ where, data }),
      close: () => undefined,
    })
    const stopFirst = first.listenLive(topic, listener("first"))
    const stopSecond = second.listenLive(topic, listener("second"))
    // Another topic on the same channel is not delivered to these listeners.
    await first.publishLive(`other:${unique}`, { ignored: true })
    await first.publishLive(topic, { n: 1 })
    const deadline = Date.now() + 2000
    while (received.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    stopFirst()
    stopSecond()
    expect(received).toEqual(
      expect.arrayContaining([
        { where: "first", data: { n: 1 } },
        { where: "second", data: { n: 1 } },
      ])
    )
    expect(received).toHaveLength(2)
  })

  it("quits both connections on shutdown", async () => {
    const container = createMedusaContainer()
    const platform = await standalonePlatform({ redisUrl: REDIS_URL }, container)
    await platform.whenReady()
    const redis = platform.redis()
    const subscriber = container.resolve<Redis>("platformSubscriber")
    await whenReady(subscriber)
    expect(subscriber.status).toBe("ready")
    await platform.__hooks.onApplicationShutdown()
    expect(redis?.status).toBe("end")
    expect(subscriber.status).toBe("end")
    await expect(platform.revokeSession(`fam_closed_${unique}`, 60)).rejects.toThrow()
  })
})
