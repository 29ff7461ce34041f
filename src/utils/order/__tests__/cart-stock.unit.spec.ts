import { summedStockNeeds, uncoveredItems } from "../cart-stock"

const managed = (items: { inventory_item_id: string; required_quantity?: number }[]) => ({
  manage_inventory: true,
  allow_backorder: false,
  inventory_items: items,
})

describe("summedStockNeeds", () => {
  it("adds up lines sharing an inventory item, times the units per variant", () => {
    const needs = summedStockNeeds([
      { quantity: 3, variant: managed([{ inventory_item_id: "iitem_a" }]) },
      { quantity: "2", variant: managed([{ inventory_item_id: "iitem_a", required_quantity: 2 }]) },
      { quantity: 1, variant: managed([{ inventory_item_id: "iitem_b" }]) },
    ])
    expect(Object.fromEntries(needs)).toEqual({ iitem_a: 7, iitem_b: 1 })
  })

  it("skips unmanaged and backorderable variants and lines without a variant", () => {
    const needs = summedStockNeeds([
      {
        quantity: 3,
        variant: { ...managed([{ inventory_item_id: "a" }]), manage_inventory: false },
      },
      { quantity: 3, variant: { ...managed([{ inventory_item_id: "a" }]), allow_backorder: true } },
      { quantity: 3, variant: null },
    ])
    expect(needs.size).toBe(0)
  })
})

describe("uncoveredItems", () => {
  it("needs the whole sum at one location", () => {
    const needs = new Map([
      ["a", 5],
      ["b", 2],
      ["c", 1],
    ])
    const available = [
      { inventory_item_id: "a", available: 3 },
      { inventory_item_id: "a", available: 3 },
      { inventory_item_id: "b", available: 2 },
    ]
    expect(uncoveredItems(needs, available)).toEqual(["a", "c"])
  })
})
