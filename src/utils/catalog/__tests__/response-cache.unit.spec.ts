import { queryKey } from "../../../queries/catalog/read"
import { ResponseCache } from "../response-cache"

describe("ResponseCache", () => {
  it("returns what was stored until it expires", () => {
    const cache = new ResponseCache(10, 1000)
    cache.set("a", "{}", 0)
    expect(cache.get("a", 999)).toBe("{}")
    expect(cache.get("a", 1000)).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it("evicts the oldest entry beyond its size, and a re-set entry counts as new", () => {
    const cache = new ResponseCache(2, 1000)
    cache.set("a", "1", 0)
    cache.set("b", "2", 0)
    cache.set("a", "3", 0)
    cache.set("c", "4", 0)
    expect(cache.get("b", 0)).toBeUndefined()
    expect(cache.get("a", 0)).toBe("3")
    expect(cache.get("c", 0)).toBe("4")
    cache.clear()
    expect(cache.size).toBe(0)
  })
})

describe("queryKey", () => {
  it("is the same for the same query in any order, and ignores unset parameters", () => {
    expect(queryKey("page", { b: 1, a: "x", c: undefined })).toBe(
      queryKey("page", { a: "x", b: 1 })
    )
    expect(queryKey("page", { a: 1 })).not.toBe(queryKey("page", { a: 2 }))
  })
})
