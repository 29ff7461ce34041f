import type { Logger } from "@medusajs/framework/types"
import { GenerationCache } from "../generation-cache"
import type { SharedCache } from "../shared-cache"
import type PlatformModuleService from "../service"
import { standalonePlatform } from "./standalone"

// The recommendations cache (in memory): single flight, and its dependency on the catalog.
describe("recommendations cache (in memory)", () => {
  let platform: PlatformModuleService
  let renders: number

  const render =
    (body: string, waitMs = 0) =>
    async () => {
      renders++
      await new Promise((resolve) => setTimeout(resolve, waitMs))
      return body
    }

  beforeEach(async () => {
    platform = await standalonePlatform()
    renders = 0
  })

  afterEach(async () => {
    await platform.__hooks.onApplicationShutdown()
  })

  it("renders a key once for concurrent misses (single flight)", async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => platform.cachedRecommendationRead("p:1", render("a", 20)))
    )
    expect(answers).toEqual(["a", "a", "a", "a", "a"])
    expect(renders).toBe(1)
  })

  it("renders afresh after its own or the catalog's invalidation, not the reverse", async () => {
    expect(await platform.cachedRecommendationRead("p:2", render("a"))).toBe("a")
    expect(await platform.cachedCatalogRead("page", render("page 1"))).toBe("page 1")

    await platform.invalidateRecommendationCache()
    expect(await platform.cachedRecommendationRead("p:2", render("b"))).toBe("b")
    // The catalog's entries do not depend on recommendations.
    expect(await platform.cachedCatalogRead("page", render("page 2"))).toBe("page 1")

    await platform.invalidateCatalogCache()
    expect(await platform.cachedRecommendationRead("p:2", render("c"))).toBe("c")
    expect(await platform.cachedRecommendationRead("p:2", render("d"))).toBe("c")
  })

  it("does not cache an answer rendered while the catalog changed", async () => {
    const during = await platform.cachedRecommendationRead("p:3", async () => {
      await platform.invalidateCatalogCache()
      return "stale"
    })
    expect(during).toBe("stale")
    expect(await platform.cachedRecommendationRead("p:3", render("fresh"))).toBe("fresh")
  })

  it("lets a failed render be retried", async () => {
    await expect(
      platform.cachedRecommendationRead("p:4", async () => {
        throw new Error("database down")
      })
    ).rejects.toThrow("database down")
    expect(await platform.cachedRecommendationRead("p:4", render("ok"))).toBe("ok")
  })
})

// L2 admission: an answer is shared (written to L2) only once asked
// for again, so a read asked once costs no Redis write.
describe("generation cache L2 admission", () => {
  type Stored = { body: string; etag: string }
  const written: string[] = []
  const store = new Map<string, Stored>()
  // An in-memory L2 (Redis's is shared-cache.ts).
  const shared: SharedCache = {
    get: async (key) => store.get(key),
    set: async (key, data) => {
      written.push(key)
      store.set(key, data as Stored)
    },
  }
  const logger = { warn: () => undefined } as unknown as Logger
  const newCache = () =>
    new GenerationCache({
      name: "catalog",
      shared,
      logger,
      entries: 100,
      ttlMs: 60_000,
    })

  beforeEach(() => {
    written.length = 0
    store.clear()
  })

  it("does not write an answer asked for once, and writes it on its second ask", async () => {
    const cache = newCache()
    expect(await cache.read("page:once", async () => "once")).toBe("once")
    expect(await cache.read("page:twice", async () => "twice")).toBe("twice")
    expect(written).toEqual([])

    expect(await cache.read("page:twice", async () => "not rendered")).toBe("twice")
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toEqual(["catalog:v2:0|page:twice"])

    // Written once: later hits do not write again.
    await cache.read("page:twice", async () => "not rendered")
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toHaveLength(1)
  })

  it("serves another process's shared answer from L2 without rendering", async () => {
    const first = newCache()
    await first.read("page:hot", async () => "hot")
    await first.read("page:hot", async () => "hot")
    await new Promise((resolve) => setImmediate(resolve))

    const second = newCache()
    let renders = 0
    const answer = await second.read("page:hot", async () => {
      renders++
      return "rendered again"
    })
    expect(answer).toBe("hot")
    expect(renders).toBe(0)
  })

  it("keeps an answer read with shared: false out of L2, both ways", async () => {
    const first = newCache()
    await first.read("page:hot", async () => "hot")
    await first.read("page:hot", async () => "hot")
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toEqual(["catalog:v2:0|page:hot"])

    // Another process renders its own instead of looking L2 up...
    const second = newCache()
    const render = async () => "rendered here"
    expect((await second.readAnswer("page:hot", render, { shared: false })).body).toBe(
      "rendered here"
    )
    // ...keeps it in L1, and never shares it, however often it is asked.
    const again = await second.readAnswer("page:hot", async () => "not rendered", {
      shared: false,
    })
    expect(again.body).toBe("rendered here")
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toEqual(["catalog:v2:0|page:hot"])
  })

  it("shares an answer for what is left of its time to live since it was rendered", async () => {
    const ttls: number[] = []
    const timed = new GenerationCache({
      name: "shipping",
      shared: {
        get: async () => undefined,
        set: async (_key, _value, ttl) => {
          ttls.push(ttl)
        },
      },
      logger,
      entries: 10,
      // L1 keeps entries longer than L2 here, so b is still a hit at 61 s.
      ttlMs: 120_000,
      l2TtlSeconds: 60,
    })
    const realNow = Date.now
    try {
      const start = realNow()
      Date.now = () => start
      await timed.read("options:a", async () => "a")
      await timed.read("options:b", async () => "b")
      Date.now = () => start + 45_000
      await timed.read("options:a", async () => "not rendered")
      Date.now = () => start + 61_000
      expect(await timed.read("options:b", async () => "rendered again")).toBe("b")
    } finally {
      Date.now = realNow
    }
    await new Promise((resolve) => setImmediate(resolve))
    // a: 15 s left; b: past its time, not written.
    expect(ttls).toEqual([15])
  })
})
