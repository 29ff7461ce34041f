import type { MedusaContainer } from "@medusajs/framework/types"
import { sqlRows } from "../sql"

/** Where a customer's first cart goes, and what Medusa's createCartWorkflow copies into it. */
export type NewCartContext = {
  region_id: string
  currency_code: string
  /** The region's countries (a one-country region pre-fills the shipping country). */
  countries: string[]
  sales_channel_id: string | null
  /** The customer's email, copied onto the cart; null for an unknown customer. */
  email: string | null
}

/**
 * The store's default region (else the first region in the store's default currency, else
 * the oldest), its currency and countries, the default sales channel and the customer's
 * email, in one statement (the store, its currencies, the regions, the region, its
 * countries and the customer took six). Undefined when the store has no region.
 */
const NEW_CART_CONTEXT_SQL = `
with s as (
  select id, default_region_id, default_sales_channel_id from store
  where deleted_at is null order by created_at, id limit 1
), currency as (
  select sc.currency_code from store_currency sc join s on sc.store_id = s.id
  where sc.deleted_at is null order by sc.is_default desc, sc.created_at limit 1
), r as (
  select r.id, r.currency_code from region r
  where r.deleted_at is null
  order by (r.id is not distinct from (select default_region_id from s)) desc,
    (r.currency_code = coalesce((select currency_code from currency), 'usd')) desc,
    r.created_at, r.id
  limit 1
)
select r.id as region_id, r.currency_code,
  (select default_sales_channel_id from s) as sales_channel_id,
  coalesce((select json_agg(rc.iso_2 order by rc.iso_2) from region_country rc
    where rc.region_id = r.id and rc.deleted_at is null), '[]'::json) as countries,
  (select cu.email from customer cu where cu.id = ? and cu.deleted_at is null) as email
from r`

export async function loadNewCartContext(
  container: MedusaContainer,
  customerId: string
): Promise<NewCartContext | undefined> {
  const [row] = await sqlRows<NewCartContext>(container, NEW_CART_CONTEXT_SQL, [customerId])
  return row
}
