/**
 * Statements that read the rollups for the analytics endpoints. A period is two local
 * dates and a timezone: [from 00:00, to + 1 day 00:00) in that zone, turned into instants
 * by PostgreSQL (daylight-saving aware). Every value is a bound parameter.
 *
 * In the store's timezone (the zone `analytics_local_day_zone` names) the sales reads take
 * the period's local days from `analytics_sales_local_day`: a period there is always whole
 * local days. In any other zone two levels are read (docs/ANALYTICS.md, "How the rollups
 * are read"): the whole UTC days inside the period from the daily tables, and only the
 * hours the timezone's offset cuts off at the edges from the hourly ones, so a year reads
 * hundreds of day rows per currency instead of one row per busy hour. Every read names `deleted_at is null`: the
 * rollups' indexes are partial on it, and without it PostgreSQL scans the whole table.
 */

/**
 * The period's instants and its whole UTC days. Params: from, tz, to, tz.
 * `lo`/`hi`: the period; `day_lo`: the first UTC midnight at or after `lo`; `day_hi`: the
 * last UTC midnight at or before `hi`. [day_lo, day_hi) is read from the daily rows and
 * [lo, day_lo) ∪ [day_hi, hi) from the hourly ones; when no whole UTC day fits
 * (day_lo ≥ day_hi) the two hour ranges below join up into [lo, hi). `month_lo`/`month_hi`
 * cut [day_lo, day_hi) the same way into whole UTC months and edge days (products only).
 */
const BOUNDS = `
p as (
  select (?::date)::timestamp at time zone ? as "lo",
         ((?::date) + 1)::timestamp at time zone ? as "hi"
), b as (
  select p."lo", p."hi",
         (date_trunc('day', (p."lo" at time zone 'UTC') - interval '1 microsecond')
           + interval '1 day') at time zone 'UTC' as "day_lo",
         date_trunc('day', p."hi" at time zone 'UTC') at time zone 'UTC' as "day_hi"
    from p
), m as (
  select b.*,
         (date_trunc('month', (b."day_lo" at time zone 'UTC') - interval '1 microsecond')
           + interval '1 month') at time zone 'UTC' as "month_lo",
         date_trunc('month', b."day_hi" at time zone 'UTC') at time zone 'UTC' as "month_hi"
    from b
)`

/**
 * Is `tz` the zone whose local days are kept (analytics_local_day_zone)? Evaluated once per
 * statement: `(select "local" from z)` is a one-time filter, so PostgreSQL runs only the
 * branch it selects, and both branches read the same snapshot. Param: tz.
 */
const LOCAL_ZONE = `z as (
  select t."tz", exists (select 1 from "analytics_local_day_zone" y
                          where y."timezone" = t."tz" and y."deleted_at" is null) as "local"
    from (select ?::text as "tz") t
)`
const IS_LOCAL = `(select z."local" from z)`

/**
 * The rows of one rollup level for the period. In the zone of the local days: those
 * days (a period there is always whole local days). Otherwise whole UTC days, then the
 * two edge-hour ranges.
 */
function inPeriod(dayTable: string, hourTable: string, columns: string): string {
  return `
  select ${columns} from b join "analytics_sales_local_day" r
      on r."timezone" = (select z."tz" from z)
     and r."bucket_start" >= b."lo" and r."bucket_start" < b."hi"
   where r."deleted_at" is null and ${IS_LOCAL}
  union all
  select ${columns} from b join ${dayTable} r
      on r."bucket_start" >= b."day_lo" and r."bucket_start" < b."day_hi"
   where r."deleted_at" is null and not ${IS_LOCAL}
  union all
  select ${columns} from b join ${hourTable} r
      on r."bucket_start" >= b."lo" and r."bucket_start" < least(b."day_lo", b."hi")
   where r."deleted_at" is null and not ${IS_LOCAL}
  union all
  select ${columns} from b join ${hourTable} r
      on r."bucket_start" >= greatest(b."day_lo", b."day_hi") and r."bucket_start" < b."hi"
   where r."deleted_at" is null and not ${IS_LOCAL}`
}

const SALES_COLUMNS = `r."currency_code", r."status", r."orders", r."total", r."refunded", r."units",
         r."new_customers", r."returning_orders"`

/** Sales rows of the period (a CTE named `s`). Params: period (4), tz. */
const SALES = `with ${BOUNDS}, ${LOCAL_ZONE}, s as (${inPeriod(
  `"analytics_sales_day"`,
  `"analytics_sales_hour"`,
  SALES_COLUMNS
)}
)`

const PRODUCT_COLUMNS = `r."currency_code", r."product_id", r."units", r."revenue"`

/**
 * Product rows of the period (a CTE named `s`): whole UTC months, the whole days outside
 * them, the edge hours. Params: period (4).
 */
const PRODUCTS = `with ${BOUNDS}, s as (
  select ${PRODUCT_COLUMNS} from m join "analytics_product_month" r
      on r."bucket_start" >= m."month_lo" and r."bucket_start" < m."month_hi"
   where r."deleted_at" is null
  union all
  select ${PRODUCT_COLUMNS} from m join "analytics_product_day" r
      on r."bucket_start" >= m."day_lo" and r."bucket_start" < least(m."month_lo", m."day_hi")
   where r."deleted_at" is null
  union all
  select ${PRODUCT_COLUMNS} from m join "analytics_product_day" r
      on r."bucket_start" >= greatest(m."month_lo", m."month_hi") and r."bucket_start" < m."day_hi"
   where r."deleted_at" is null
  union all
  select ${PRODUCT_COLUMNS} from m join "analytics_product_hour" r
      on r."bucket_start" >= m."lo" and r."bucket_start" < least(m."day_lo", m."hi")
   where r."deleted_at" is null
  union all
  select ${PRODUCT_COLUMNS} from m join "analytics_product_hour" r
      on r."bucket_start" >= greatest(m."day_lo", m."day_hi") and r."bucket_start" < m."hi"
   where r."deleted_at" is null
)`

const KEPT = `s."status" in (select jsonb_array_elements_text(?::jsonb))`
const SALE = `s."status" in (select jsonb_array_elements_text(?::jsonb))`

/**
 * Per currency: kept orders, gross, refunds, units of the period.
 * Params: period (4), tz, kept, sale, sale, kept.
 */
export const TOTALS_SQL = `${SALES}
select s."currency_code",
       coalesce(sum(s."orders") filter (where ${KEPT}), 0)::int as "orders",
       coalesce(sum(s."total") filter (where ${SALE}), 0)::text as "gross",
       coalesce(sum(s."refunded") filter (where ${SALE}), 0)::text as "refunds",
       coalesce(sum(s."units") filter (where ${KEPT}), 0)::int as "units"
  from s
 group by s."currency_code"
 order by s."currency_code"`

/**
 * The sales series. In the zone of the local days, each local day goes whole into its
 * bucket (day, ISO week or month in `tz`). Elsewhere a local bucket is rarely a set of
 * whole UTC days — in a non-UTC zone a local day never is — so instead each UTC day's
 * row is put whole into the bucket of its noon (when that noon is in the period), and the
 * hours that land elsewhere are moved: added to their own bucket (when in the period) and
 * subtracted from their day's. Those hours lie between a bucket edge (the period's ends
 * and each local bucket start) and the end of that edge's UTC day nearer to it — at most
 * 12 per edge, and none in UTC — so a year by day in Paris reads 365 days and 366 hours
 * per currency and status. Sums and counts are exact either way; a bucket and currency is
 * listed when orders were placed in it, as when reading hours alone (every rollup row
 * counts at least one order).
 * Params: grain, tz, from, to, kept, sale, sale.
 */
export const SERIES_SQL = `
with p as (
  select ?::text as "grain", ?::text as "tz", ?::date as "from", ?::date as "to"
), b as (
  select p."grain", p."tz", p."from", p."to",
         p."from"::timestamp at time zone p."tz" as "lo",
         (p."to" + 1)::timestamp at time zone p."tz" as "hi"
    from p
), edges as (
  select e."at", date_trunc('day', e."at" at time zone 'UTC') at time zone 'UTC' as "day"
    from b, lateral (
      select d at time zone b."tz" as "at"
        from generate_series(b."from"::timestamp, (b."to" + 1)::timestamp, interval '1 day') d
       where d = b."from" or d = b."to" + 1 or date_trunc(b."grain", d) = d
    ) e
), days as materialized (
  -- Every UTC day whose noon is in the period, with the bucket of that noon: computed
  -- once per day here rather than once per rollup row.
  select d."day",
         date_trunc(b."grain", (d."day" + interval '12 hours') at time zone b."tz") as "bucket"
    from b, lateral (
      select generate_series(
               date_trunc('day', (b."lo" - interval '12 hours') at time zone 'UTC')
                 at time zone 'UTC',
               b."hi" - interval '12 hours', interval '1 day') as "day"
    ) d
   where d."day" + interval '12 hours' >= b."lo" and d."day" + interval '12 hours' < b."hi"
), moved as materialized (
  -- Per edge: the hours on the far side of it from their day's noon, the bucket they
  -- belong to (the edge's, or the one before it) and the one their day was counted in;
  -- null when that is outside the period.
  select r."lo", r."hi",
         case when r."own" >= b."lo" and r."own" < b."hi"
              then date_trunc(b."grain", r."own" at time zone b."tz") end as "plus",
         case when r."noon" >= b."lo" and r."noon" < b."hi"
              then date_trunc(b."grain", r."noon" at time zone b."tz") end as "minus"
    from b, edges e, lateral (
      select case when e."at" - e."day" <= interval '12 hours' then e."day" else e."at" end as "lo",
             case when e."at" - e."day" <= interval '12 hours' then e."at"
                  else e."day" + interval '1 day' end as "hi",
             case when e."at" - e."day" <= interval '12 hours' then e."at" - interval '1 microsecond'
                  else e."at" end as "own",
             e."day" + interval '12 hours' as "noon"
    ) r
   where r."lo" < r."hi"
), z as (
  select b."tz", exists (select 1 from "analytics_local_day_zone" y
                          where y."timezone" = b."tz" and y."deleted_at" is null) as "local"
    from b
), local_days as materialized (
  -- The zone of the local days: the period's local midnights as the rollup keys them,
  -- with their buckets (computed once per day, not once per rollup row).
  select d at time zone b."tz" as "at", date_trunc(b."grain", d) as "bucket"
    from b, generate_series(b."from"::timestamp, b."to"::timestamp, interval '1 day') d
   where ${IS_LOCAL}
), s as (
  -- Each local day goes whole into its bucket.
  select l."bucket", r."currency_code", r."status", r."orders", r."total", r."refunded"
    from local_days l join "analytics_sales_local_day" r
      on r."timezone" = (select z."tz" from z) and r."bucket_start" = l."at"
   where r."deleted_at" is null and ${IS_LOCAL}
  union all
  select d."bucket", r."currency_code", r."status", r."orders", r."total", r."refunded"
    from days d join "analytics_sales_day" r on r."bucket_start" = d."day"
   where r."deleted_at" is null and not ${IS_LOCAL}
  union all
  select v."bucket", r."currency_code", r."status", v."sign" * r."orders",
         v."sign" * r."total", v."sign" * r."refunded"
    from moved m
    -- One index range scan per edge. \`offset 0\` keeps PostgreSQL from flattening the
    -- subquery into a join, which it plans as a scan of every hour filtered per edge.
    cross join lateral (
      select h.* from "analytics_sales_hour" h
       where h."bucket_start" >= m."lo" and h."bucket_start" < m."hi" and h."deleted_at" is null
      offset 0
    ) as r
    cross join lateral (values (m."plus", 1), (m."minus", -1)) as v("bucket", "sign")
   where v."bucket" is not null and not ${IS_LOCAL}
)
-- Amounts leave as the contract's two-decimal strings, revenue included: a year by day is
-- 730 rows per two currencies, too many to convert one by one in BigNumber per request.
select t."period", t."currency_code", t."orders",
       round(t."gross", 2)::text as "gross", round(t."refunds", 2)::text as "refunds",
       round(t."gross" - t."refunds", 2)::text as "revenue"
  from (
    select to_char(s."bucket", 'YYYY-MM-DD') as "period",
           s."currency_code",
           coalesce(sum(s."orders") filter (where ${KEPT}), 0)::int as "orders",
           coalesce(sum(s."total") filter (where ${SALE}), 0) as "gross",
           coalesce(sum(s."refunded") filter (where ${SALE}), 0) as "refunds"
      from s
     group by s."bucket", s."currency_code"
    having sum(s."orders") > 0
  ) t
 order by 1, 2`

/** Params: period (4), tz. */
export const STATUS_SQL = `${SALES}
select s."status", sum(s."orders")::int as "orders"
  from s
 group by s."status"
 order by s."status"`

/** Params: period (4), tz. First orders and orders of returning customers. */
export const CUSTOMERS_SQL = `${SALES}
select coalesce(sum(s."new_customers"), 0)::int as "new_customers",
       coalesce(sum(s."returning_orders"), 0)::int as "returning_orders"
  from s`

/** Params: period (4), limit. The best-selling products per currency by revenue. */
export const TOP_BY_REVENUE_SQL = `${PRODUCTS}
select "currency_code", "product_id", "units", "revenue" from (
  select s."currency_code", s."product_id", sum(s."units")::int as "units",
         sum(s."revenue")::text as "revenue",
         row_number() over (partition by s."currency_code"
                            order by sum(s."revenue") desc, s."product_id") as "rank"
    from s
   group by s."currency_code", s."product_id"
) ranked
 where "rank" <= ?
 order by "currency_code", "rank"`

/** Params: period (4), limit. The most units sold, all currencies together. */
export const TOP_BY_UNITS_SQL = `${PRODUCTS}
select s."product_id", sum(s."units")::int as "units"
  from s
 group by s."product_id"
 order by 2 desc, 1
 limit ?`
