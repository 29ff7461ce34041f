/**
 * Statements that read the rollups for the analytics endpoints. A period is two local
 * dates and a timezone: [from 00:00, to + 1 day 00:00) in that zone, turned into instants
 * by PostgreSQL (daylight-saving aware). Every value is a bound parameter.
 */

/** Params: from, tz, to, tz. */
const IN_PERIOD = `s."bucket_start" >= (?::date)::timestamp at time zone ?
   and s."bucket_start" < ((?::date) + 1)::timestamp at time zone ?`

const KEPT = `s."status" in (select jsonb_array_elements_text(?::jsonb))`
const SALE = `s."status" in (select jsonb_array_elements_text(?::jsonb))`

/**
 * Per currency: kept orders, gross, refunds, units of the period.
 * Params: kept, sale, sale, kept, period (4).
 */
export const TOTALS_SQL = `
select s."currency_code",
       coalesce(sum(s."orders") filter (where ${KEPT}), 0)::int as "orders",
       coalesce(sum(s."total") filter (where ${SALE}), 0)::text as "gross",
       coalesce(sum(s."refunded") filter (where ${SALE}), 0)::text as "refunds",
       coalesce(sum(s."units") filter (where ${KEPT}), 0)::int as "units"
  from "analytics_sales_hour" s
 where ${IN_PERIOD}
 group by s."currency_code"
 order by s."currency_code"`

/** Params: grain, tz, kept, sale, sale, period (4). */
export const SERIES_SQL = `
select to_char(date_trunc(?, s."bucket_start" at time zone ?), 'YYYY-MM-DD') as "period",
       s."currency_code",
       coalesce(sum(s."orders") filter (where ${KEPT}), 0)::int as "orders",
       coalesce(sum(s."total") filter (where ${SALE}), 0)::text as "gross",
       coalesce(sum(s."refunded") filter (where ${SALE}), 0)::text as "refunds"
  from "analytics_sales_hour" s
 where ${IN_PERIOD}
 group by 1, 2
 order by 1, 2`

/** Params: period (4). */
export const STATUS_SQL = `
select s."status", sum(s."orders")::int as "orders"
  from "analytics_sales_hour" s
 where ${IN_PERIOD}
 group by s."status"
 order by s."status"`

/** Params: period (4). First orders and orders of returning customers. */
export const CUSTOMERS_SQL = `
select coalesce(sum(s."new_customers"), 0)::int as "new_customers",
       coalesce(sum(s."returning_orders"), 0)::int as "returning_orders"
  from "analytics_sales_hour" s
 where ${IN_PERIOD}`

/** Params: period (4), limit. The best-selling products per currency by revenue. */
export const TOP_BY_REVENUE_SQL = `
select "currency_code", "product_id", "units", "revenue" from (
  select s."currency_code", s."product_id", sum(s."units")::int as "units",
         sum(s."revenue")::text as "revenue",
         row_number() over (partition by s."currency_code"
                            order by sum(s."revenue") desc, s."product_id") as "rank"
    from "analytics_product_hour" s
   where ${IN_PERIOD}
   group by s."currency_code", s."product_id"
) ranked
 where "rank" <= ?
 order by "currency_code", "rank"`

/** Params: period (4), limit. The most units sold, all currencies together. */
export const TOP_BY_UNITS_SQL = `
select s."product_id", sum(s."units")::int as "units"
  from "analytics_product_hour" s
 where ${IN_PERIOD}
 group by s."product_id"
 order by 2 desc, 1
 limit ?`
