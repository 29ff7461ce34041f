import type { MedusaContainer } from "@medusajs/framework/types"
import type { LineVariant } from "../../utils/order/line-item-data"
import { sqlRows } from "../sql"

/** A variant as a cart line copies it, with its product's status and its price set. */
export type PurchaseVariant = LineVariant & {
  product: LineVariant["product"] & { status: string }
  price_set_id: string | null
}

type VariantRow = {
  variant_id: string
  variant_title: string | null
  sku: string | null
  barcode: string | null
  variant_thumbnail: string | null
  price_set_id: string | null
  inventory_requires_shipping: boolean | null
  product_id: string
  product_title: string
  status: string
  description: string | null
  subtitle: string | null
  product_thumbnail: string | null
  handle: string
  discountable: boolean | null
  is_giftcard: boolean | null
  type_id: string | null
  type_value: string | null
  collection_title: string | null
  shipping_profile_id: string | null
}

/** Everything a line copies from a variant `v` of product `p` (the fields of Medusa's variant query). */
const VARIANT_COLUMNS = `
  v.id as variant_id, v.title as variant_title, v.sku, v.barcode, v.thumbnail as variant_thumbnail,
  (select vps.price_set_id from product_variant_price_set vps
    where vps.variant_id = v.id and vps.deleted_at is null limit 1) as price_set_id,
  (select bool_or(ii.requires_shipping) from product_variant_inventory_item vi
    join inventory_item ii on ii.id = vi.inventory_item_id and ii.deleted_at is null
    where vi.variant_id = v.id and vi.deleted_at is null) as inventory_requires_shipping,
  p.id as product_id, p.title as product_title, p.status, p.description, p.subtitle,
  p.thumbnail as product_thumbnail, p.handle, p.discountable, p.is_giftcard,
  t.id as type_id, t.value as type_value, col.title as collection_title,
  (select sp.id from product_shipping_profile psp
    join shipping_profile sp on sp.id = psp.shipping_profile_id and sp.deleted_at is null
    where psp.product_id = p.id and psp.deleted_at is null limit 1) as shipping_profile_id`

const PRODUCT_JOINS = `
  left join product_type t on t.id = p.type_id and t.deleted_at is null
  left join product_collection col on col.id = p.collection_id and col.deleted_at is null`

/** The primary variant of each product: the catalog's rule (rank, then age, then id). */
const PRIMARY_VARIANTS_SQL = `
select ${VARIANT_COLUMNS}
from product p
join lateral (
  select * from product_variant pv where pv.product_id = p.id and pv.deleted_at is null
  order by coalesce(pv.variant_rank, 0), pv.created_at, pv.id limit 1
) v on true
${PRODUCT_JOINS}
where p.id = any(?) and p.deleted_at is null`

const VARIANTS_SQL = `
select ${VARIANT_COLUMNS}
from product_variant v
join product p on p.id = v.product_id and p.deleted_at is null
${PRODUCT_JOINS}
where v.id = any(?) and v.deleted_at is null`

function toPurchaseVariant(row: VariantRow): PurchaseVariant {
  return {
    id: row.variant_id,
    title: row.variant_title,
    sku: row.sku,
    barcode: row.barcode,
    thumbnail: row.variant_thumbnail,
    price_set_id: row.price_set_id,
    product: {
      id: row.product_id,
      title: row.product_title,
      status: row.status,
      description: row.description,
      subtitle: row.subtitle,
      thumbnail: row.product_thumbnail,
      handle: row.handle,
      discountable: row.discountable,
      is_giftcard: row.is_giftcard,
      type: row.type_id ? { id: row.type_id, value: row.type_value ?? "" } : null,
      collection: row.collection_title !== null ? { title: row.collection_title } : null,
      shipping_profile: row.shipping_profile_id ? { id: row.shipping_profile_id } : null,
    },
    inventory_items: [
      { inventory: { requires_shipping: Boolean(row.inventory_requires_shipping) } },
    ],
  }
}

/**
 * What a cart line copies from the variants, by variant id or (the catalog's primary
 * variant) by product id, in one statement where query.graph took ten (product, variants,
 * price set and inventory links, shipping profile, type, collection). Unknown or deleted
 * ids are missing from the answer; unpublished products are returned with their status.
 */
export async function loadPurchaseVariants(
  container: MedusaContainer,
  ids: { product_ids: string[] } | { variant_ids: string[] }
): Promise<PurchaseVariant[]> {
  const [sql, values] =
    "product_ids" in ids ? [PRIMARY_VARIANTS_SQL, ids.product_ids] : [VARIANTS_SQL, ids.variant_ids]
  if (!values.length) {
    return []
  }
  const rows = await sqlRows<VariantRow>(container, sql, [values])
  return rows.map(toPurchaseVariant)
}
