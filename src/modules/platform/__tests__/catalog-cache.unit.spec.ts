import type PlatformModuleService from "../service"
import { standalonePlatform } from "./standalone"

// Without a Redis URL the generation is a number in the service.
describe("catalog cache (in memory)", () => {
  let platform: PlatformModuleService
  let renders: number

  const render = (body: string) => async () => {
    renders++
    return body
  }

  beforeEach(async () => {
    platform = await standalonePlatform()
    renders = 0
  })

  afterEach(async () => {
    await platform.__hooks.onApplicationShutdown()
  })

  it("renders once, then answers from the cache until the catalog changes", async () => {
    expect(await platform.cachedCatalogRead("page:1", render("a"))).toBe("a")
    expect(await platform.cachedCatalogRead("page:1", render("b"))).toBe("a")
    expect(renders).toBe(1)

    await platform.invalidateCatalogCache()
    expect(await platform.cachedCatalogRead("page:1", render("c"))).toBe("c")
    expect(renders).toBe(2)
  })

  it("does not cache an answer rendered while a write landed", async () => {
    const during = await platform.cachedCatalogRead("page:2", async () => {
      await platform.invalidateCatalogCache()
      return "rendered before the write"
    })
    expect(during).toBe("rendered before the write")
    expect(await platform.cachedCatalogRead("page:2", render("fresh"))).toBe("fresh")
  })

  it("forgets its entries on shutdown", async () => {
    await platform.cachedCatalogRead("page:3", render("a"))
    await platform.__hooks.onApplicationShutdown()
    expect(await platform.cachedCatalogRead("page:3", render("b"))).toBe("b")
  })
})
