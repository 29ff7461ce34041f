import { stockLowCrossings, stockOfLines, variantStock } from "../stock"

const tracked = (items: [string, number][], allowBackorder = false) => ({
  id: "variant_1",
  manage_inventory: true,
  allow_backorder: allowBackorder,
  inventory_items: items.map(([id, required]) => ({
    inventory_item_id: id,
    required_quantity: required,
  })),
})

describe("variantStock", () => {
  it("counts the sales the scarcest item allows, never below zero", () => {
    const available = new Map([
      ["item_a", 10],
      ["item_b", 7],
    ])
    expect(variantStock(tracked([["item_a", 1]]), available)).toEqual({
      stock_quantity: 10,
      in_stock: true,
    })
    // A kit: 2 of A and 3 of B per sale → min(5, 2).
    expect(
      variantStock(
        tracked([
          ["item_a", 2],
          ["item_b", 3],
        ]),
        available
      )
    ).toEqual({ stock_quantity: 2, in_stock: true })
    // Oversold by backorders, or an item without any level: 0.
    expect(variantStock(tracked([["item_a", 1]]), new Map([["item_a", -3]]))).toEqual({
      stock_quantity: 0,
      in_stock: false,
    })
    expect(variantStock(tracked([["item_c", 1]]), available).stock_quantity).toBe(0)
  })

  it("is in stock when untracked or backorderable, and not without a variant", () => {
    expect(variantStock({ manage_inventory: false }, new Map())).toEqual({
      stock_quantity: null,
      in_stock: true,
    })
    expect(variantStock({ manage_inventory: true, inventory_items: [] }, new Map())).toEqual({
      stock_quantity: null,
      in_stock: true,
    })
    expect(variantStock(tracked([["item_a", 1]], true), new Map())).toEqual({
      stock_quantity: 0,
      in_stock: true,
    })
    expect(variantStock(undefined, new Map())).toEqual({ stock_quantity: null, in_stock: false })
  })
})

describe("stockOfLines", () => {
  it("gives one entry per tracked product, with the line's variant", () => {
    const available = { item_a: 4, item_b: 9 }
    expect(
      stockOfLines(
        [
          { product_id: "prod_1", variant: tracked([["item_a", 1]]) },
          { product_id: "prod_1", variant: tracked([["item_a", 1]]) },
          { product_id: "prod_2", variant: { ...tracked([["item_b", 2]]), id: "variant_2" } },
          { product_id: "prod_3", variant: { id: "variant_3", manage_inventory: false } },
          { product_id: null, variant: tracked([["item_a", 1]]) },
          { product_id: "prod_4", variant: null },
        ],
        available
      )
    ).toEqual([
      { id: "prod_1", variant_id: "variant_1", stock_quantity: 4, in_stock: true },
      { id: "prod_2", variant_id: "variant_2", stock_quantity: 4, in_stock: true },
    ])
  })
})

describe("stockLowCrossings", () => {
  const row = (stock: number | null, previous: number | null, more = {}) => ({
    id: "prod_1",
    stock_quantity: stock,
    previous_stock: previous,
    existed: true,
    is_active: true,
    ...more,
  })

  it("alerts once, when the stock falls from at or above the threshold to below it", () => {
    expect(stockLowCrossings([row(4, 5)], 5, "42")).toEqual([
      { product_id: "prod_1", stock_quantity: 4, threshold: 5, sync_version: "42" },
    ])
    expect(stockLowCrossings([row(3, 4)], 5, "43")).toEqual([])
    expect(stockLowCrossings([row(5, 9)], 5, "44")).toEqual([])
  })

  it("alerts for new or formerly untracked products, never for inactive or untracked ones", () => {
    expect(stockLowCrossings([row(1, null, { existed: false })], 5, "1")).toHaveLength(1)
    expect(stockLowCrossings([row(1, null)], 5, "2")).toHaveLength(1)
    expect(stockLowCrossings([row(1, 9, { is_active: false })], 5, "3")).toEqual([])
    expect(stockLowCrossings([row(null, 9)], 5, "4")).toEqual([])
  })
})
