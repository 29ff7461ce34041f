import { formatAmount, toCatalogRow, type SourceProduct } from "../build-rows"

const base: SourceProduct = {
  id: "prod_1",
  title: "Wireless Mouse",
  handle: "wireless-mouse",
  description: "Quiet",
  status: "published",
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-02T00:00:00.000Z",
  images: [
    { id: "img_2", url: "https://cdn/2.png", rank: 1 },
    { id: "img_1", url: "https://cdn/1.png", rank: 0 },
  ],
  tags: [{ value: "office" }, { value: "wireless" }, { value: "office" }],
  categories: [{ id: "pcat_child", name: "Mice", handle: "mice", mpath: "pcat_root.pcat_child" }],
  variants: [
    {
      id: "variant_b",
      manage_inventory: true,
      allow_backorder: false,
      variant_rank: 1,
      created_at: "2026-01-01T00:00:00.000Z",
      prices: [{ amount: 99, currency_code: "usd" }],
      inventory_items: [{ inventory_item_id: "iitem_b", required_quantity: 1 }],
    },
    {
      id: "variant_a",
      manage_inventory: true,
      allow_backorder: false,
      variant_rank: 0,
      created_at: "2026-01-01T00:00:00.000Z",
      prices: [
        { amount: 17, currency_code: "eur" },
        { amount: 19.9, currency_code: "usd" },
        { amount: 15, currency_code: "usd", rules_count: 1 },
      ],
      inventory_items: [{ inventory_item_id: "iitem_a", required_quantity: 2 }],
    },
  ],
}

const names = new Map([
  ["pcat_root", "Electronics"],
  ["pcat_child", "Mice"],
])
const noRating = { rating_average: null, review_count: 0 }

describe("formatAmount", () => {
  it("writes major units with at least two decimals", () => {
    expect(formatAmount(19.9)).toBe("19.90")
    expect(formatAmount(5)).toBe("5.00")
    expect(formatAmount("12.345")).toBe("12.345")
    expect(formatAmount("0.5")).toBe("0.50")
  })
})

describe("toCatalogRow", () => {
  it("takes the first variant's rule-free price in the store currency and its available stock", () => {
    const row = toCatalogRow(base, "usd", new Map([["iitem_a", 7]]), names, noRating)
    expect(row.variant_id).toBe("variant_a")
    expect(row.price).toBe("19.90")
    expect(row.currency_code).toBe("usd")
    // 7 units available, 2 per sale.
    expect(row.stock_quantity).toBe(3)
    expect(row.in_stock).toBe(true)
    expect(row.inventory_item_id).toBe("iitem_a")
  })

  it("files the product under its categories and their ancestors, for filters and search", () => {
    const row = toCatalogRow(base, "usd", new Map(), names, noRating)
    expect(row.category_id).toBe("pcat_child")
    expect(row.category_ids).toEqual(["pcat_root", "pcat_child"])
    expect(row.search_text).toBe("wireless mouse electronics mice office wireless")
    expect(row.view.category).toEqual({ id: "pcat_child", name: "Mice", handle: "mice" })
    expect(row.tags).toEqual(["office", "wireless"])
    expect(row.view.images.map((image) => image.id)).toEqual(["img_1", "img_2"])
  })

  it("falls back to another currency, and is out of stock at zero unless backorders are allowed", () => {
    const row = toCatalogRow(base, "gbp", new Map([["iitem_a", 1]]), names, noRating)
    expect(row.currency_code).toBe("eur")
    expect(row.stock_quantity).toBe(0)
    expect(row.in_stock).toBe(false)

    const backorder: SourceProduct = {
      ...base,
      variants: [{ ...base.variants![1], allow_backorder: true }],
    }
    expect(toCatalogRow(backorder, "usd", new Map(), names, noRating).in_stock).toBe(true)
  })

  it("has no stock figure when inventory is not tracked, and no price without variants", () => {
    const untracked: SourceProduct = {
      ...base,
      variants: [{ ...base.variants![1], manage_inventory: false }],
    }
    const row = toCatalogRow(untracked, "usd", new Map(), names, noRating)
    expect(row.stock_quantity).toBeNull()
    expect(row.in_stock).toBe(true)

    const bare = toCatalogRow(
      { ...base, variants: [], categories: [], tags: null, images: null, status: "draft" },
      "usd",
      new Map(),
      names,
      { rating_average: 4.5, review_count: 2 }
    )
    expect(bare).toMatchObject({
      price: null,
      in_stock: false,
      is_active: false,
      category_id: null,
      category_ids: [],
      rating_average: 4.5,
      review_count: 2,
    })
    expect(bare.view).toMatchObject({ images: [], tags: [], category: null })
  })
})
