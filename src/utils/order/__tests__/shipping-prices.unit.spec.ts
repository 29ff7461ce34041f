import { pricedByRegionOnly, sharedShippingPriceKey } from "../shipping-prices"

describe("shipping prices shared between carts", () => {
  it("shares prices without rules or with region rules only", () => {
    expect(pricedByRegionOnly([])).toBe(true)
    expect(pricedByRegionOnly([{ price_rules: [] }, { price_rules: null }])).toBe(true)
    expect(
      pricedByRegionOnly([
        { price_list_id: null, price_rules: [{ attribute: "region_id" }] },
        { price_rules: [] },
      ])
    ).toBe(true)
  })

  it("prices per cart when a rule reads the cart or a price list holds the set", () => {
    expect(pricedByRegionOnly([{ price_rules: [{ attribute: "item_total" }] }])).toBe(false)
    expect(
      pricedByRegionOnly([
        { price_rules: [{ attribute: "region_id" }, { attribute: "customer.groups.id" }] },
      ])
    ).toBe(false)
    expect(pricedByRegionOnly([{ price_list_id: "plist_1", price_rules: [] }])).toBe(false)
  })

  it("keys by currency, region and the sets in any order", () => {
    const options = [
      { price_set_id: "pset_b", priced_by_region_only: true },
      { price_set_id: "pset_a", priced_by_region_only: true },
    ]
    const key = sharedShippingPriceKey(options, { currency_code: "usd", region_id: "reg_1" })
    expect(key).toBe("prices:usd:reg_1:pset_a,pset_b")
    expect(
      sharedShippingPriceKey([...options].reverse(), { currency_code: "usd", region_id: "reg_1" })
    ).toBe(key)
    expect(sharedShippingPriceKey(options, { currency_code: "eur", region_id: "reg_1" })).not.toBe(
      key
    )
    expect(sharedShippingPriceKey(options, { currency_code: "usd", region_id: "reg_2" })).not.toBe(
      key
    )
  })

  it("has no key when any option is priced per cart, or its listing predates the flag", () => {
    const context = { currency_code: "usd", region_id: "reg_1" }
    expect(
      sharedShippingPriceKey(
        [
          { price_set_id: "pset_a", priced_by_region_only: true },
          { price_set_id: "pset_b", priced_by_region_only: false },
        ],
        context
      )
    ).toBeNull()
    expect(sharedShippingPriceKey([{ price_set_id: "pset_a" }], context)).toBeNull()
    expect(sharedShippingPriceKey([], context)).toBeNull()
  })
})
