/**
 * The analytics bench's order data in Medusa's own tables (bench/analytics-100k.ts):
 * synthetic orders written into `order`, `order_summary`, `order_line_item`,
 * `order_item` and the engine's `order_lifecycle`, the analytics facts derived from those
 * rows, and every report's question answered from those tables without the rollups.
 * Statements for `pg` ($n parameters, never values in the text).
 */

export const BENCH_PRODUCTS = 500
export const BENCH_CUSTOMERS = 20_000

const STATUSES = `array['paid','paid','processing','shipped','delivered','delivered','delivered',
  'cancelled','refunded','partially_refunded','pending']`

/**
 * Orders $1..$2 (by number): placed over the last 400 days, 80 % USD and 20 % EUR, the
 * spec's statuses in realistic shares, 1–3 lines of 500 products (1–3 units, 5–65 a
 * unit), 20,000 customers. No tax or shipping, so a total is the sum of its lines; a
 * `partially_refunded` order had a third of its total refunded. One statement, so a
 * batch is all or nothing.
 */
export const SEED_ORDERS_SQL = `
with src as (
  select n, 'order_bench_' || n as id, 'cus_bench_' || (n % ${BENCH_CUSTOMERS}) as customer_id,
         case when n % 5 = 0 then 'eur' else 'usd' end as currency_code,
         now() - random() * interval '400 days' as placed_at,
         (${STATUSES})[1 + (n % 11)] as status
    from generate_series($1::int, $2::int) as n
), lines as (
  select s.n, s.id as order_id, k, 'prod_bench_' || ((s.n * 7 + k * 131) % ${BENCH_PRODUCTS}) as product_id,
         1 + ((s.n + k) % 3) as quantity,
         (5 + ((s.n * 7919 + k * 104729) % 6000) / 100.0)::numeric(12, 2) as unit_price
    from src s, generate_series(1, 1 + (s.n % 3)) as k
), totals as (
  select n, sum(quantity * unit_price) as total from lines group by n
), orders as (
  insert into "order" (id, customer_id, version, status, is_draft_order, email, currency_code,
                       created_at, updated_at)
  select id, customer_id, 1,
         (case when status = 'cancelled' then 'canceled' else 'pending' end)::order_status_enum,
         false, customer_id || '@bench.test', currency_code, placed_at, placed_at
    from src
), summaries as (
  insert into order_summary (id, order_id, version, totals, created_at, updated_at)
  select 'ordsum_bench_' || s.n, s.id, 1,
         jsonb_build_object('current_order_total', t.total, 'original_order_total', t.total,
           'accounting_total', t.total, 'transaction_total', 0, 'pending_difference', 0,
           'credit_line_total', 0,
           'paid_total', case when s.status in ('pending', 'cancelled') then 0 else t.total end,
           'refunded_total', case s.status when 'refunded' then t.total
             when 'partially_refunded' then round(t.total / 3, 2) else 0 end),
         s.placed_at, s.placed_at
    from src s join totals t using (n)
), lifecycles as (
  insert into order_lifecycle (id, order_id, customer_id, status, created_at, updated_at)
  select 'olc_bench_' || n, id, customer_id, status, placed_at, placed_at from src
), line_items as (
  insert into order_line_item (id, title, product_id, unit_price, raw_unit_price)
  select 'ordli_bench_' || n || '_' || k, 'Bench product', product_id, unit_price,
         jsonb_build_object('value', unit_price::text, 'precision', 20)
    from lines
)
insert into order_item (id, order_id, version, item_id, quantity, raw_quantity,
  fulfilled_quantity, shipped_quantity, return_requested_quantity, return_received_quantity,
  return_dismissed_quantity, written_off_quantity)
select 'orditem_bench_' || n || '_' || k, order_id, 1, 'ordli_bench_' || n || '_' || k, quantity,
       jsonb_build_object('value', quantity::text, 'precision', 20), 0, 0, 0, 0, 0, 0
  from lines`

export const BENCH_ORDER_COUNT_SQL = `select count(*)::int as n from "order" where id like 'order_bench_%'`

/**
 * The analytics facts of the bench orders that have none, derived from Medusa's rows as
 * the refresh workflow derives them (src/utils/analytics/order-fact.ts): the order's
 * total, its refunds (all of it when `refunded`, never above the total), units and lines
 * per product, the engine's status. The rebuild then recomputes `first_order`.
 */
export const FACTS_FROM_ORDERS_SQL = `
insert into analytics_order_fact (id, order_id, customer_id, currency_code, placed_at, status,
  total, raw_total, refunded, raw_refunded, units, lines)
select 'aof_' || o.id, o.id, o.customer_id, o.currency_code, o.created_at, x.status,
       x.total, jsonb_build_object('value', x.total::text, 'precision', 20),
       x.refunded, jsonb_build_object('value', x.refunded::text, 'precision', 20),
       u.units, u.lines
  from "order" o
  join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
  left join order_lifecycle l on l.order_id = o.id and l.deleted_at is null
  cross join lateral (
    select coalesce(l.status, 'pending') as status,
           (s.totals ->> 'current_order_total')::numeric as total,
           case when l.status = 'refunded' then (s.totals ->> 'current_order_total')::numeric
                else least((s.totals ->> 'refunded_total')::numeric,
                           (s.totals ->> 'current_order_total')::numeric) end as refunded
  ) x
  cross join lateral (
    select sum(i.quantity)::int as units,
           jsonb_agg(jsonb_build_object('product_id', li.product_id, 'quantity', i.quantity::int,
             'revenue', (i.quantity * li.unit_price)::text)) as lines
      from order_item i join order_line_item li on li.id = i.item_id
     where i.order_id = o.id and i.version = o.version and i.deleted_at is null
  ) u
 where o.id like 'order_bench_%'
   and not exists (select 1 from analytics_order_fact f where f.order_id = o.id)`

/**
 * The orders placed in a period with what the reports need of each, read from Medusa's
 * order and summary rows and the engine's status. Refunds come from the summary's
 * `refunded_total` (Medusa's running figure) rather than through the payment link and
 * refund tables, and line totals are unit price × quantity without the tax and
 * adjustment tables: both make these reads cheaper than the real question, so the
 * ratios below are conservative. Params: from, to, tz.
 */
const ORDERS_IN_PERIOD = `o as (
  select o.id, o.version, o.customer_id, o.currency_code, o.created_at,
         coalesce(l.status, 'pending') as status,
         (s.totals ->> 'current_order_total')::numeric as total,
         case when l.status = 'refunded' then (s.totals ->> 'current_order_total')::numeric
              else least((s.totals ->> 'refunded_total')::numeric,
                         (s.totals ->> 'current_order_total')::numeric) end as refunded
    from "order" o
    join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
    left join order_lifecycle l on l.order_id = o.id and l.deleted_at is null
   where o.deleted_at is null and o.is_draft_order = false
     and o.created_at >= ($1::date)::timestamp at time zone $3
     and o.created_at < (($2::date) + 1)::timestamp at time zone $3
)`

const ITEMS = `order_item i on i.order_id = o.id and i.version = o.version and i.deleted_at is null
  join order_line_item li on li.id = i.item_id`

export const FROM_ORDERS = {
  /** Per currency: kept orders, gross, refunds, units. Params: period (3), kept, sale. */
  totals: `
with ${ORDERS_IN_PERIOD}, u as (
  select i.order_id, sum(i.quantity) as units
    from o join order_item i on i.order_id = o.id and i.version = o.version and i.deleted_at is null
   group by 1
)
select o.currency_code,
       (count(*) filter (where o.status = any($4)))::int as orders,
       coalesce(sum(o.total) filter (where o.status = any($5)), 0)::text as gross,
       coalesce(sum(o.refunded) filter (where o.status = any($5)), 0)::text as refunds,
       coalesce(sum(u.units) filter (where o.status = any($4)), 0)::int as units
  from o left join u on u.order_id = o.id
 group by 1 order by 1`,
  /** The sales series. Params: period (3), grain, kept, sale. */
  series: `
with ${ORDERS_IN_PERIOD}
select period, currency_code, orders, gross::text, refunds::text,
       (gross - refunds)::text as revenue
  from (
    select to_char(date_trunc($4, o.created_at at time zone $3), 'YYYY-MM-DD') as period,
           o.currency_code,
           (count(*) filter (where o.status = any($5)))::int as orders,
           coalesce(sum(o.total) filter (where o.status = any($6)), 0) as gross,
           coalesce(sum(o.refunded) filter (where o.status = any($6)), 0) as refunds
      from o group by 1, 2
  ) t order by 1, 2`,
  /** Params: period (3), kept, limit. */
  topByRevenue: `
with ${ORDERS_IN_PERIOD}
select currency_code, product_id, units, revenue from (
  select o.currency_code, li.product_id, sum(i.quantity)::int as units,
         sum(i.quantity * li.unit_price)::text as revenue,
         row_number() over (partition by o.currency_code
                            order by sum(i.quantity * li.unit_price) desc, li.product_id) as rank
    from o join ${ITEMS}
   where o.status = any($4) and li.product_id is not null
   group by 1, 2
) ranked where rank <= $5 order by currency_code, rank`,
  /** Params: period (3), kept, limit. */
  topByUnits: `
with ${ORDERS_IN_PERIOD}
select li.product_id, sum(i.quantity)::int as units
  from o join ${ITEMS}
 where o.status = any($4) and li.product_id is not null
 group by 1 order by 2 desc, 1 limit $5`,
  /** Params: period (3). */
  byStatus: `
with ${ORDERS_IN_PERIOD}
select o.status, count(*)::int as orders from o group by 1 order by 1`,
  /**
   * A customer's first kept order ever is new in the period it was placed in; later kept
   * ones are returning. Needs each customer's history before the period. Params: period
   * (3), kept.
   */
  customers: `
with kept as (
  select o.id, o.customer_id, o.created_at
    from "order" o left join order_lifecycle l on l.order_id = o.id and l.deleted_at is null
   where o.deleted_at is null and o.is_draft_order = false and o.customer_id is not null
     and coalesce(l.status, 'pending') = any($4)
), b as (
  select ($1::date)::timestamp at time zone $3 as lo,
         (($2::date) + 1)::timestamp at time zone $3 as hi
), ranked as (
  select k.created_at,
         row_number() over (partition by k.customer_id order by k.created_at, k.id) as rn
    from kept k
   where k.customer_id in (select k2.customer_id from kept k2, b
                            where k2.created_at >= b.lo and k2.created_at < b.hi)
)
select (count(*) filter (where r.rn = 1))::int as new_customers,
       (count(*) filter (where r.rn > 1))::int as returning_orders
  from ranked r, b where r.created_at >= b.lo and r.created_at < b.hi`,
}
