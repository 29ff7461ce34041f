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
