/**
 * The recommendation module's write statements. Values always travel as bindings (`?`);
 * lists travel as one JSON text binding. Counters change only by `delta` (+1 when an
 * order starts counting, −1 when it stops), inside the transaction that flips the order's
 * `counted` flag under its row lock, so each order is added or taken out exactly once.
 */

/** Params: id, order_id. Makes sure the order has a row to lock (not counted). */
export const ENSURE_ORDER_SQL = `
  insert into recommendation_order (id, order_id, product_ids, counted, paired)
  values (?, ?, '{}', false, false)
  on conflict (order_id) where deleted_at is null do nothing`

/** Params: order_id. */
export const LOCK_ORDER_SQL = `
  select customer_id, product_ids, counted, paired from recommendation_order
  where order_id = ? and deleted_at is null
  for update`

/** Params: counted, paired, customer_id, product ids (JSON), order_id. */
export const SET_ORDER_SQL = `
  update recommendation_order
  set counted = ?, paired = ?, customer_id = ?,
    product_ids = array(select jsonb_array_elements_text(?::jsonb)), updated_at = now()
  where order_id = ? and deleted_at is null`

const NEW_ID = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

/**
 * Adds `delta` to every counter an order touches, in one statement: the ordered pairs of
 * its products (both directions, only when `paired`), each product's popularity, and the
 * customer's purchases (when the order has a customer). Rows are written in key order,
 * so two orders sharing products lock the same rows in the same order (no deadlock).
 * Counters that reach 0 stay as rows with 0: every read asks for at least 1.
 *
 * Params: product ids (JSON), delta, paired, delta, customer_id, delta, ordered_at, customer_id.
 */
export const APPLY_COUNTS_SQL = `
  with ids as (
    select distinct id from jsonb_array_elements_text(?::jsonb) as id
  ),
  pairs as (
    insert into recommendation_pair as p (id, product_id, other_id, orders)
    select ${NEW_ID("rcpair")}, a.id, b.id, ?::int
    from ids a join ids b on a.id <> b.id
    where ?::boolean
    order by a.id, b.id
    on conflict (product_id, other_id) where deleted_at is null
    do update set orders = p.orders + excluded.orders, updated_at = now()
    returning 1
  ),
  products as (
    insert into recommendation_product as r (id, product_id, orders)
    select ${NEW_ID("rcprod")}, ids.id, ?::int from ids order by ids.id
    on conflict (product_id) where deleted_at is null
    do update set orders = r.orders + excluded.orders, updated_at = now()
    returning 1
  ),
  customer as (
    insert into recommendation_customer_product as c
      (id, customer_id, product_id, orders, last_ordered_at)
    select ${NEW_ID("rccp")}, ?::text, ids.id, ?::int, ?::timestamptz from ids
    where ?::text is not null
    order by ids.id
    on conflict (customer_id, product_id) where deleted_at is null
    do update set orders = c.orders + excluded.orders,
      last_ordered_at = greatest(c.last_ordered_at, excluded.last_ordered_at), updated_at = now()
    returning 1
  )
  select (select count(*) from pairs)::int as pairs,
    (select count(*) from products)::int as products,
    (select count(*) from customer)::int as customer_products`
