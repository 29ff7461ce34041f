import { randomUUID } from "node:crypto"
import { createMedusaContainer } from "@medusajs/framework/utils"
import type Redis from "ioredis"
import { whenReady } from "../redis"
import type PlatformModuleService from "../service"
import { standalonePlatform } from "./standalone"

// Two instances of the module on one Redis (REDIS_URL's server, else the local one), as two
// server processes would be. A spare database: the HTTP specs use one per jest worker and
// flush it.
const redisServer = new URL(process.env.REDIS_URL || "redis://localhost:6379")
redisServer.pathname = "/14"
const REDIS_URL = redisServer.toString()

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
