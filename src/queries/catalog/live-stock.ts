import type { MedusaContainer } from "@medusajs/framework/types"
import type { CatalogStock } from "../../modules/catalog/types"
import { sqlRows } from "../sql"

/**
 * The catalog stock of products, computed from Medusa's inventory in one statement, by the
 * rule the sync applies (utils/catalog/stock.ts, variantStock): the catalog row's variant,
 * its inventory links, each item's stocked minus reserved over all its levels divided by
 * the units one sale takes, the scarcest item deciding, never below 0; null when the
 * variant's inventory is not managed or it has no items; in stock when units remain, when
 * untracked, or when backorders are allowed. Products are the given ids plus those whose
 * catalog variant uses one of the given inventory items (each found through an index: the
 * catalog's primary key, Medusa's link and variant indexes).
 */
const CATALOG_STOCK_SQL = `
with wanted as (
  select unnest(?::text[]) as id
  union
  select v.product_id from product_variant_inventory_item vi
  join product_variant v on v.id = vi.variant_id and v.deleted_at is null
  where vi.inventory_item_id = any(?) and vi.deleted_at is null
),
stock as (
  select p.id, p.variant_id, v.manage_inventory, v.allow_backorder, links.n,
    greatest(0, links.units)::int as units
  from catalog_product p
  join product_variant v on v.id = p.variant_id and v.deleted_at is null
  cross join lateral (
    select count(*) as n,
      min(floor(coalesce((select sum(il.stocked_quantity - il.reserved_quantity)
          from inventory_level il
          where il.inventory_item_id = vi.inventory_item_id and il.deleted_at is null), 0)
        / coalesce(nullif(vi.required_quantity, 0), 1))) as units
    from product_variant_inventory_item vi
    where vi.variant_id = v.id and vi.deleted_at is null
  ) links
  where p.id in (select id from wanted)
)
select id, variant_id,
  case when manage_inventory and n > 0 then units end as stock_quantity,
  (not (manage_inventory and n > 0)) or units > 0 or allow_backorder as in_stock
from stock`

export async function loadCatalogStock(
  container: MedusaContainer,
  ids: { product_ids?: string[]; inventory_item_ids?: string[] }
): Promise<CatalogStock[]> {
  const productIds = ids.product_ids ?? []
  const itemIds = ids.inventory_item_ids ?? []
  if (!productIds.length && !itemIds.length) {
    return []
  }
  return sqlRows<CatalogStock>(container, CATALOG_STOCK_SQL, [productIds, itemIds])
}
