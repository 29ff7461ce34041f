/**
 * When a checkout may take a shipping option's flat price from the shared cache instead of
 * asking Medusa's pricing module (docs/DECISIONS.md, "A checkout in fewer statements").
 *
 * The pricing module prices a flat option for a cart by the rules of the option's prices
 * (the whole cart is its context) and by the price lists that hold its price set. A price
 * set whose prices are in no price list and whose rules name nothing but the region comes
 * out the same for every cart of one currency and region: that answer can be shared. One
 * with any other rule (an item total, a customer group, …) or in a price list is priced
 * for each cart, as Medusa does.
 */

/** A price of an option's price set, as the shipping listing reads it. */
export type ShippingPriceRow = {
  price_list_id?: string | null
  price_rules?: { attribute: string }[] | null
}

/** The rule attribute Medusa's shipping option prices use for a region's price. */
const REGION_ATTRIBUTE = "region_id"

export function pricedByRegionOnly(prices: ShippingPriceRow[]): boolean {
  return prices.every(
    (price) =>
      !price.price_list_id &&
      (price.price_rules ?? []).every((rule) => rule.attribute === REGION_ATTRIBUTE)
  )
}

/**
 * The shared cache's key for the flat prices of these price sets in this currency and
 * region, or null when any of them must be priced per cart.
 */
export function sharedShippingPriceKey(
  options: { price_set_id: string | null; priced_by_region_only?: boolean }[],
  context: { currency_code: string; region_id?: string | null }
): string | null {
  if (!options.length || options.some((option) => option.priced_by_region_only !== true)) {
    return null
  }
  const sets = options.map((option) => option.price_set_id as string).sort()
  return `prices:${context.currency_code}:${context.region_id ?? ""}:${sets.join(",")}`
}
