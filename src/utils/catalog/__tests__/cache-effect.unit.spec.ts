import { catalogCacheEffect, type RowChange } from "../cache-effect"

const row = (change: Partial<RowChange> & { id: string }): RowChange => ({
  existed: true,
  content_changed: false,
  stock_quantity: 5,
  previous_stock: 5,
  ...change,
})

describe("catalogCacheEffect", () => {
  it("changes nothing when a write found what was there", () => {
    expect(catalogCacheEffect([row({ id: "a" }), row({ id: "b" })], 0)).toEqual({ kind: "none" })
    expect(catalogCacheEffect([], 0)).toEqual({ kind: "none" })
  })

  it("marks the products whose units alone moved", () => {
    expect(
      catalogCacheEffect(
        [
          row({ id: "a", stock_quantity: 3 }),
          row({ id: "b" }),
          row({ id: "c", previous_stock: null }),
        ],
        0
      )
    ).toEqual({ kind: "products", product_ids: ["a", "c"] })
  })

  it("starts a new generation for a new, changed or removed product", () => {
    expect(catalogCacheEffect([row({ id: "a", existed: false })], 0)).toEqual({ kind: "catalog" })
    expect(
      catalogCacheEffect(
        [row({ id: "a", stock_quantity: 2 }), row({ id: "b", content_changed: true })],
        0
      )
    ).toEqual({ kind: "catalog" })
    expect(catalogCacheEffect([row({ id: "a", stock_quantity: 2 })], 1)).toEqual({
      kind: "catalog",
    })
  })
})
