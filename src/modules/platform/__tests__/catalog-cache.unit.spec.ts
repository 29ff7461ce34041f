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

  it("keeps derived values once per generation, computed once for concurrent misses", async () => {
    let computed = 0
    const compute = async () => {
      computed++
      await new Promise((resolve) => setTimeout(resolve, 10))
      return `tsquery ${computed}`
    }
    const values = await Promise.all(
      [1, 2, 3].map(() => platform.cachedCatalogValue("tsquery:lamp", compute))
    )
    expect(values).toEqual(["tsquery 1", "tsquery 1", "tsquery 1"])
    expect(await platform.cachedCatalogValue("tsquery:lamp", compute)).toBe("tsquery 1")

    const total = await platform.peekCatalogValue<number>("count:a")
    expect(total.value).toBeUndefined()
    total.keep(42)
    expect((await platform.peekCatalogValue<number>("count:a")).value).toBe(42)

    await platform.invalidateCatalogCache()
    expect((await platform.peekCatalogValue<number>("count:a")).value).toBeUndefined()
    expect(await platform.cachedCatalogValue("tsquery:lamp", compute)).toBe("tsquery 2")

    // A value obtained while a write landed is not kept.
    const stale = await platform.peekCatalogValue<number>("count:b")
    await platform.invalidateCatalogCache()
    stale.keep(7)
    expect((await platform.peekCatalogValue<number>("count:b")).value).toBeUndefined()
  })

  it("does not cache an answer rendered while a write landed", async () => {
    const during = await platform.cachedCatalogRead("page:2", async () => {
      await platform.invalidateCatalogCache()
      return "rendered before the write"
    })
    expect(during).toBe("rendered before the write")
    expect(await platform.cachedCatalogRead("page:2", render("fresh"))).toBe("fresh")
  })

  it("renders a cold entry once however many requests miss it together (single flight)", async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const slow = async () => {
      renders++
      await gate
      return "tree"
    }
    const readers = Array.from({ length: 5 }, () => platform.cachedCatalogRead("tree", slow))
    release()
    expect(await Promise.all(readers)).toEqual(Array(5).fill("tree"))
    expect(renders).toBe(1)
  })

  it("shares a failed rendering's error, then renders again on the next read", async () => {
    const failing = async () => {
      renders++
      throw new Error("database down")
    }
    const readers = [1, 2, 3].map(() => platform.cachedCatalogRead("broken", failing))
    const results = await Promise.allSettled(readers)
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"])
    expect(renders).toBe(1)
    expect(await platform.cachedCatalogRead("broken", render("ok"))).toBe("ok")
  })

  it("forgets its entries on shutdown", async () => {
    await platform.cachedCatalogRead("page:3", render("a"))
    await platform.__hooks.onApplicationShutdown()
    expect(await platform.cachedCatalogRead("page:3", render("b"))).toBe("b")
  })
})

describe("catalog cache answers (entity tags)", () => {
  let platform: PlatformModuleService

  beforeEach(async () => {
    platform = await standalonePlatform()
  })

  afterEach(async () => {
    await platform.__hooks.onApplicationShutdown()
  })

  it("hands out the tag hashed when the entry was rendered, and a new one after a write", async () => {
    const first = await platform.cachedCatalogAnswer("page:1", async () => '{"v":1}')
    const hit = await platform.cachedCatalogAnswer("page:1", async () => '{"v":2}')
    expect(hit).toBe(first)
    expect(await platform.cachedCatalogRead("page:1", async () => "unused")).toBe('{"v":1}')

    await platform.invalidateCatalogCache()
    const after = await platform.cachedCatalogAnswer("page:1", async () => '{"v":2}')
    expect(after.body).toBe('{"v":2}')
    expect(after.etag).not.toBe(first.etag)
  })
})
