import type PlatformModuleService from "../service"
import { standalonePlatform } from "./standalone"

// Per-product invalidation of the catalog cache, in memory (one process, no Redis); the
// shared case is in platform-redis.spec.ts.
describe("catalog cache product marks (in memory)", () => {
  let platform: PlatformModuleService
  let renders: string[]

  /** A render that shows `products` and counts itself under `name`. */
  const showing = (name: string, products: string[], during?: () => Promise<void>) => async () => {
    renders.push(name)
    await during?.()
    return { body: `${name} #${renders.length}`, products }
  }

  const read = async (key: string, render: ReturnType<typeof showing>) =>
    (await platform.cachedCatalogAnswer(key, render)).body

  beforeEach(async () => {
    platform = await standalonePlatform()
    renders = []
  })

  afterEach(async () => {
    await platform.__hooks.onApplicationShutdown()
  })

  /** A render of "lamp" that is under way until `release` is called. */
  const slowLampRender = async () => {
    let release: () => void = () => undefined
    const slow = showing(
      "slow",
      ["prod_lamp"],
      () => new Promise<void>((resolve) => (release = resolve))
    )
    const first = read("lamp", slow)
    await new Promise((resolve) => setImmediate(resolve))
    return { first, release: () => release() }
  }

  it("renders again only the answers showing a marked product", async () => {
    const lamp = showing("lamp", ["prod_lamp"])
    const mug = showing("mug", ["prod_mug"])
    const page = showing("page", ["prod_mug", "prod_lamp"])
    const tree = async () => {
      renders.push("tree")
      return "categories"
    }
    for (let pass = 0; pass < 2; pass++) {
      await read("lamp", lamp)
      await read("mug", mug)
      await read("page", page)
      await platform.cachedCatalogAnswer("tree", tree)
    }
    expect(renders).toEqual(["lamp", "mug", "page", "tree"])

    await platform.markCatalogProducts(["prod_lamp"])
    expect(await read("lamp", lamp)).toBe("lamp #5")
    expect(await read("mug", mug)).toBe("mug #2")
    expect(await read("page", page)).toBe("page #6")
    await platform.cachedCatalogAnswer("tree", tree)
    expect(renders).toEqual(["lamp", "mug", "page", "tree", "lamp", "page"])

    // Once rendered again, the answers are current until the next mark.
    expect(await read("lamp", lamp)).toBe("lamp #5")
    expect(await read("page", page)).toBe("page #6")
  })

  it("does not keep serving an answer whose product was marked while it rendered", async () => {
    const during = showing("lamp", ["prod_lamp"], () => platform.markCatalogProducts(["prod_lamp"]))
    expect(await read("lamp", during)).toBe("lamp #1")
    expect(await read("lamp", showing("lamp", ["prod_lamp"]))).toBe("lamp #2")
    expect(await read("lamp", showing("lamp", ["prod_lamp"]))).toBe("lamp #2")
  })

  it("renders again for a request that joined a render its product's mark overtook", async () => {
    const { first, release } = await slowLampRender()
    await platform.markCatalogProducts(["prod_lamp"])
    // Arrives after the mark: must not take the render that began before it.
    const second = read("lamp", showing("fresh", ["prod_lamp"]))
    release()
    expect(await first).toBe("slow #1")
    expect(await second).toBe("fresh #2")
  })

  it("renders once more for all the requests that joined a render a mark overtook", async () => {
    const { first, release } = await slowLampRender()
    // Five requests join the render; then the product is marked.
    const joined = Array.from({ length: 5 }, () => read("lamp", showing("again", ["prod_lamp"])))
    await new Promise((resolve) => setImmediate(resolve))
    await platform.markCatalogProducts(["prod_lamp"])
    release()
    expect(await first).toBe("slow #1")
    // One render again for the five (single flight), not one each.
    expect(await Promise.all(joined)).toEqual(Array(5).fill("again #2"))
    expect(renders).toEqual(["slow", "again"])
  })

  it("starts a new generation for a mark of more than a thousand products", async () => {
    const tree = async () => {
      renders.push("tree")
      return "categories"
    }
    await platform.cachedCatalogAnswer("tree", tree)
    await platform.markCatalogProducts(["prod_one"])
    await platform.cachedCatalogAnswer("tree", tree)
    expect(renders).toEqual(["tree"])
    await platform.markCatalogProducts(Array.from({ length: 1001 }, (_, i) => `prod_${i}`))
    await platform.cachedCatalogAnswer("tree", tree)
    expect(renders).toEqual(["tree", "tree"])
  })

  it("makes the recommendations, which depend on the catalog, render again on any mark", async () => {
    let n = 0
    const render = async () => `recommended ${++n}`
    expect(await platform.cachedRecommendationRead("r", render)).toBe("recommended 1")
    expect(await platform.cachedRecommendationRead("r", render)).toBe("recommended 1")
    await platform.markCatalogProducts(["prod_elsewhere"])
    expect(await platform.cachedRecommendationRead("r", render)).toBe("recommended 2")
  })
})
