import type { MedusaContainer } from "@medusajs/framework/types"
import { sqlRows } from "../sql"

/** One inventory item a variant needs, and what of it can be sold at a channel's locations. */
export type VariantStock = {
  variant_id: string
  manage_inventory: boolean
  allow_backorder: boolean
  /** Null for a variant without inventory items. */
  inventory_item_id: string | null
  required_quantity: number
  /** Stocked minus reserved over the sales channel's locations (Medusa's available quantity). */
  available: number
}

/**
 * What can be sold of each variant's inventory items at the sales channel's stock
 * locations, in one statement (query.graph and the inventory module took seven: variants,
 * inventory links, channel, its locations, each item and its levels). Deleted variants,
 * items and locations do not count; a variant without items has one row with a null item.
 */
const VARIANT_STOCK_SQL = `
select v.id as variant_id, v.manage_inventory, v.allow_backorder,
  ii.id as inventory_item_id, coalesce(vi.required_quantity, 1)::float8 as required_quantity,
  coalesce((select sum(il.stocked_quantity - il.reserved_quantity)
    from inventory_level il
    join sales_channel_stock_location scl
      on scl.stock_location_id = il.location_id and scl.sales_channel_id = ? and scl.deleted_at is null
    join stock_location sl on sl.id = il.location_id and sl.deleted_at is null
    where il.inventory_item_id = ii.id and il.deleted_at is null), 0)::float8 as available
from product_variant v
left join product_variant_inventory_item vi on vi.variant_id = v.id and vi.deleted_at is null
left join inventory_item ii on ii.id = vi.inventory_item_id and ii.deleted_at is null
where v.id = any(?) and v.deleted_at is null`

export async function loadVariantStock(
  container: MedusaContainer,
  variantIds: string[],
  salesChannelId: string | null
): Promise<VariantStock[]> {
  if (!variantIds.length) {
    return []
  }
  return sqlRows<VariantStock>(container, VARIANT_STOCK_SQL, [salesChannelId, variantIds])
}

/**
 * An inventory level at one of a sales channel's (live) stock locations, as checkout reads
 * them with the cart (queries/order/checkout-cart.ts).
 */
export type ChannelLevel = {
  inventory_item_id: string
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
}
