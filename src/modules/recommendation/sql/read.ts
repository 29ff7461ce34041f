/**
 * The recommendation module's reads. Each is bounded by an index range and a limit,
 * never by the number of orders: a product's partners are the head of
 * (product_id, orders desc, other_id); a customer's seeds the head of
 * (customer_id, last_ordered_at); popularity the head of (orders desc, product_id).
 */

/** Params: product_id, min_orders, limit. */
export const TOP_PAIRS_SQL = `
  select other_id as product_id, orders from recommendation_pair
  where product_id = ? and deleted_at is null and orders >= ?
  order by orders desc, other_id
  limit ?`

/** A customer's products still bought (orders > 0) among candidates. */
const BOUGHT = `
  select 1 from recommendation_customer_product b
  where b.customer_id = ?::text and b.product_id = %s and b.orders > 0 and b.deleted_at is null`

/**
 * Products bought with what the customer bought most recently: the top `per_seed`
 * partners of each of the customer's latest `seeds` products, summed, without anything
 * the customer bought. Params: customer_id, seeds, min_orders, per_seed, customer_id, limit.
 */
export const CUSTOMER_PAIRS_SQL = `
  with seeds as (
    select product_id from recommendation_customer_product
    where customer_id = ? and deleted_at is null and orders > 0
    order by last_ordered_at desc, product_id
    limit ?
  ),
  partners as (
    select p.other_id, p.orders from seeds s cross join lateral (
      select other_id, orders from recommendation_pair
      where product_id = s.product_id and deleted_at is null and orders >= ?
      order by orders desc, other_id
      limit ?) p
  )
  select other_id as product_id, sum(orders)::int as orders from partners c
  where not exists (${BOUGHT.replace("%s", "c.other_id")})
  group by other_id
  order by 2 desc, 1
  limit ?`

/** The customer's latest purchases. Params: customer_id, limit. */
export const RECENT_PURCHASES_SQL = `
  select product_id from recommendation_customer_product
  where customer_id = ? and deleted_at is null and orders > 0
  order by last_ordered_at desc, product_id
  limit ?`

/** Which of the given products the customer bought. Params: customer_id, ids (JSON). */
export const BOUGHT_AMONG_SQL = `
  select product_id from recommendation_customer_product
  where customer_id = ? and deleted_at is null and orders > 0
    and product_id in (select jsonb_array_elements_text(?::jsonb))`

/**
 * The most often bought products, without those the customer (if any) bought.
 * Params: customer_id (or null), customer_id, limit.
 */
export const POPULAR_SQL = `
  select product_id, orders from recommendation_product r
  where deleted_at is null and orders > 0
    and (?::text is null or not exists (${BOUGHT.replace("%s", "r.product_id")}))
  order by orders desc, product_id
  limit ?`
