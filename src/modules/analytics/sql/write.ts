/**
 * Statements that write the analytics tables. Every value is a bound parameter; sets of
 * keys or facts travel as one JSON parameter (jsonb_to_recordset), so no statement is
 * ever assembled from values. Hour buckets are taken in UTC whatever the session's
 * timezone is.
 */

/** Serialises every analytics write (refreshes and rebuilds) for the transaction. */
export const LOCK_SQL = `select pg_advisory_xact_lock(hashtextextended('analytics_rollup', 0))`

const HOUR = `(date_trunc('hour', f."placed_at" at time zone 'UTC') at time zone 'UTC')`

/** The hour buckets the given orders' current facts fall in. */
export const FACT_KEYS_SQL = `
select distinct ${HOUR} as "bucket_start", f."currency_code"
  from "analytics_order_fact" f
 where f."order_id" in (select jsonb_array_elements_text(?::jsonb))`

/** Inserts or replaces facts; `first_order`/`returning` are recomputed afterwards. */
export const UPSERT_FACTS_SQL = `
insert into "analytics_order_fact" as f ("id", "order_id", "customer_id", "currency_code",
  "placed_at", "status", "total", "raw_total", "refunded", "raw_refunded", "units", "lines")
select x."id", x."order_id", x."customer_id", x."currency_code", x."placed_at", x."status",
       x."total", jsonb_build_object('value', x."total"::text, 'precision', 20),
       x."refunded", jsonb_build_object('value', x."refunded"::text, 'precision', 20),
       x."units", x."lines"
  from jsonb_to_recordset(?::jsonb) as x("id" text, "order_id" text, "customer_id" text,
       "currency_code" text, "placed_at" timestamptz, "status" text, "total" numeric,
       "refunded" numeric, "units" int, "lines" jsonb)
on conflict ("order_id") where "deleted_at" is null do update
   set "customer_id" = excluded."customer_id", "currency_code" = excluded."currency_code",
       "placed_at" = excluded."placed_at", "status" = excluded."status",
       "total" = excluded."total", "raw_total" = excluded."raw_total",
       "refunded" = excluded."refunded", "raw_refunded" = excluded."raw_refunded",
       "units" = excluded."units", "lines" = excluded."lines", "updated_at" = now()`

/**
 * A customer's first kept order is `first_order`, later kept ones are `returning`
 * (docs/ANALYTICS.md). Params: kept statuses (JSON), then the customers (JSON array) or
 * null for every customer. Returns the buckets of the facts whose flags changed.
 */
export const RECOMPUTE_FLAGS_SQL = `
with ranked as (
  select f."id", f."status" in (select jsonb_array_elements_text(?::jsonb)) as "kept",
         f."placed_at", f."order_id", f."customer_id"
    from "analytics_order_fact" f
   where f."customer_id" is not null and f."deleted_at" is null
     and (?::jsonb is null or f."customer_id" in (select jsonb_array_elements_text(?::jsonb)))
), numbered as (
  select r."id", r."kept",
         row_number() over (partition by r."customer_id", r."kept"
                            order by r."placed_at", r."order_id") as "rn"
    from ranked r
)
update "analytics_order_fact" f
   set "first_order" = (n."kept" and n."rn" = 1), "returning" = (n."kept" and n."rn" > 1)
  from numbered n
 where f."id" = n."id"
   and (f."first_order" <> (n."kept" and n."rn" = 1) or f."returning" <> (n."kept" and n."rn" > 1))
returning ${HOUR} as "bucket_start", f."currency_code"`

/**
 * The rollups come in two levels with the same columns: per UTC hour (any whole-hour
 * timezone buckets exactly) and per UTC day (what long periods read). Each level's
 * statements are built once, at load time, from these constants; values are still only
 * bound parameters.
 */
type Level = { unit: "hour" | "day"; sales: string; product: string; prefix: [string, string] }

const HOURS: Level = {
  unit: "hour",
  sales: `"analytics_sales_hour"`,
  product: `"analytics_product_hour"`,
  prefix: ["ash_", "aph_"],
}
const DAYS: Level = {
  unit: "day",
  sales: `"analytics_sales_day"`,
  product: `"analytics_product_day"`,
  prefix: ["asd_", "apd_"],
}

const KEYS = `jsonb_to_recordset(?::jsonb) as k("bucket_start" timestamptz, "currency_code" text)`

const SALES_COLUMNS = `"id", "bucket_start", "currency_code", "status", "orders", "total", "raw_total",
  "refunded", "raw_refunded", "units", "new_customers", "returning_orders"`

const PRODUCT_COLUMNS = `"id", "bucket_start", "currency_code", "product_id", "units", "revenue", "raw_revenue"`

const LINES = `cross join jsonb_to_recordset(f."lines") as l("product_id" text, "quantity" int, "revenue" numeric)`
const KEPT = `f."status" in (select jsonb_array_elements_text(?::jsonb))`

function statements(level: Level) {
  const bucket = `(date_trunc('${level.unit}', f."placed_at" at time zone 'UTC') at time zone 'UTC')`
  const inKey = `f."currency_code" = k."currency_code" and f."placed_at" >= k."bucket_start"
   and f."placed_at" < k."bucket_start" + interval '1 ${level.unit}'`
  const salesSelect = `
select '${level.prefix[0]}' || replace(gen_random_uuid()::text, '-', ''), ${bucket}, f."currency_code", f."status",
       count(*)::int, sum(f."total"), jsonb_build_object('value', sum(f."total")::text, 'precision', 20),
       sum(f."refunded"), jsonb_build_object('value', sum(f."refunded")::text, 'precision', 20),
       sum(f."units")::int, (count(*) filter (where f."first_order"))::int,
       (count(*) filter (where f."returning"))::int`
  const productSelect = `
select '${level.prefix[1]}' || replace(gen_random_uuid()::text, '-', ''), ${bucket}, f."currency_code", l."product_id",
       sum(l."quantity")::int, sum(l."revenue"),
       jsonb_build_object('value', sum(l."revenue")::text, 'precision', 20)`
  return {
    /** Params: keys (JSON [{bucket_start, currency_code}]). */
    deleteSales: `
delete from ${level.sales} s using ${KEYS}
 where s."bucket_start" = k."bucket_start" and s."currency_code" = k."currency_code"`,
    /** Params: keys. */
    deleteProduct: `
delete from ${level.product} s using ${KEYS}
 where s."bucket_start" = k."bucket_start" and s."currency_code" = k."currency_code"`,
    /** Recomputes the sales rollup of the given buckets from the facts. Params: keys. */
    insertSales: `
insert into ${level.sales} (${SALES_COLUMNS})
${salesSelect}
  from "analytics_order_fact" f join ${KEYS} on ${inKey}
 where f."deleted_at" is null
 group by 2, 3, 4`,
    /** Recomputes the product rollup of the given buckets. Params: keys, kept statuses. */
    insertProduct: `
insert into ${level.product} (${PRODUCT_COLUMNS})
${productSelect}
  from "analytics_order_fact" f join ${KEYS} on ${inKey}
  ${LINES}
 where f."deleted_at" is null and ${KEPT} and l."product_id" is not null
 group by 2, 3, 4`,
    clearSales: `delete from ${level.sales}`,
    clearProduct: `delete from ${level.product}`,
    /**
     * Every bucket at once, for a rebuild, written in bucket order: a period's rows then
     * sit on few pages, which is most of what reading them costs.
     */
    rebuildSales: `
insert into ${level.sales} (${SALES_COLUMNS})
${salesSelect}
  from "analytics_order_fact" f
 where f."deleted_at" is null
 group by 2, 3, 4
 order by 2, 3, 4`,
    /** Params: kept statuses. */
    rebuildProduct: `
insert into ${level.product} (${PRODUCT_COLUMNS})
${productSelect}
  from "analytics_order_fact" f ${LINES}
 where f."deleted_at" is null and ${KEPT} and l."product_id" is not null
 group by 2, 3, 4
 order by 2, 3, 4`,
  }
}

export const HOUR_ROLLUPS = statements(HOURS)
export const DAY_ROLLUPS = statements(DAYS)

const MONTH_OF_DAY = `(date_trunc('month', d."bucket_start" at time zone 'UTC') at time zone 'UTC')`
const MONTH_SELECT = `
select 'apm_' || replace(gen_random_uuid()::text, '-', ''), ${MONTH_OF_DAY}, d."currency_code",
       d."product_id", sum(d."units")::int, sum(d."revenue"),
       jsonb_build_object('value', sum(d."revenue")::text, 'precision', 20)`

/**
 * The product rollup per UTC month, summed from the product days (already recomputed from
 * the facts in the same transaction): a month of days is a few thousand rows, where its
 * facts would be every order line of the month.
 */
export const PRODUCT_MONTHS = {
  /** Params: month keys. */
  delete: `
delete from "analytics_product_month" s using ${KEYS}
 where s."bucket_start" = k."bucket_start" and s."currency_code" = k."currency_code"`,
  /** Params: month keys. */
  insert: `
insert into "analytics_product_month" (${PRODUCT_COLUMNS})
${MONTH_SELECT}
  from "analytics_product_day" d join ${KEYS}
    on d."currency_code" = k."currency_code" and d."bucket_start" >= k."bucket_start"
   and d."bucket_start" < k."bucket_start" + interval '1 month'
 where d."deleted_at" is null
 group by 2, 3, 4`,
  clear: `delete from "analytics_product_month"`,
  rebuild: `
insert into "analytics_product_month" (${PRODUCT_COLUMNS})
${MONTH_SELECT}
  from "analytics_product_day" d
 where d."deleted_at" is null
 group by 2, 3, 4
 order by 2, 3, 4`,
}

/** Facts a rebuild did not rewrite: their orders are gone. Param: the rebuild's start. */
export const DELETE_FACTS_BEFORE_SQL = `
delete from "analytics_order_fact" f where f."updated_at" < ?::timestamptz`

/** Param: order ids (JSON). */
export const DELETE_FACTS_SQL = `
delete from "analytics_order_fact" f
 where f."order_id" in (select jsonb_array_elements_text(?::jsonb))`

/**
 * The local-day level: the sales rollup per day of one timezone (the one
 * `analytics_local_day_zone` names), so periods and buckets in the store's own zone read
 * whole rows. A day is [local midnight, next local midnight), both turned into instants
 * by PostgreSQL as the reads do, so daylight-saving days have 23 or 25 hours.
 */
const LOCAL_DAY = `(date_trunc('day', f."placed_at" at time zone z."tz") at time zone z."tz")`

/**
 * The local days (as the instants of their midnights) that the given UTC hour buckets
 * touch, per currency: an hour lies in one local day in whole-hour zones, and in at most
 * two where the offset has half or quarter hours. Params: zone, hour keys (JSON).
 */
const LOCAL_KEYS = `z as (select ?::text as "tz"),
k as (
  select distinct d."day" at time zone z."tz" as "bucket_start", h."currency_code"
    from z, jsonb_to_recordset(?::jsonb) as h("bucket_start" timestamptz, "currency_code" text),
    lateral (values (date_trunc('day', h."bucket_start" at time zone z."tz")),
                    (date_trunc('day', (h."bucket_start" + interval '59 minutes 59.999999 seconds')
                       at time zone z."tz"))) as d("day")
)`

const LOCAL_SALES_COLUMNS = `"id", "timezone", "bucket_start", "currency_code", "status", "orders",
  "total", "raw_total", "refunded", "raw_refunded", "units", "new_customers", "returning_orders"`

const LOCAL_SALES_SELECT = `
select 'asl_' || replace(gen_random_uuid()::text, '-', ''), z."tz", ${LOCAL_DAY}, f."currency_code",
       f."status", count(*)::int, sum(f."total"),
       jsonb_build_object('value', sum(f."total")::text, 'precision', 20),
       sum(f."refunded"), jsonb_build_object('value', sum(f."refunded")::text, 'precision', 20),
       sum(f."units")::int, (count(*) filter (where f."first_order"))::int,
       (count(*) filter (where f."returning"))::int`

export const LOCAL_DAYS = {
  /** The zone the local days are kept for, if a rebuild filled them. */
  zone: `select "timezone" from "analytics_local_day_zone" where "deleted_at" is null limit 1`,
  /** Params: zone, hour keys. */
  delete: `
with ${LOCAL_KEYS}
delete from "analytics_sales_local_day" s using z, k
 where s."timezone" = z."tz" and s."bucket_start" = k."bucket_start"
   and s."currency_code" = k."currency_code"`,
  /** Recomputes the local days the hour keys touch from the facts. Params: zone, hour keys. */
  insert: `
with ${LOCAL_KEYS}
insert into "analytics_sales_local_day" (${LOCAL_SALES_COLUMNS})
${LOCAL_SALES_SELECT}
  from z cross join k join "analytics_order_fact" f
    on f."currency_code" = k."currency_code" and f."placed_at" >= k."bucket_start"
   and f."placed_at" < ((k."bucket_start" at time zone z."tz") + interval '1 day') at time zone z."tz"
 where f."deleted_at" is null
 group by 2, 3, 4, 5`,
  clear: `delete from "analytics_sales_local_day"`,
  clearZone: `delete from "analytics_local_day_zone"`,
  /** Every local day of the zone, in bucket order. Params: zone. */
  rebuild: `
with z as (select ?::text as "tz")
insert into "analytics_sales_local_day" (${LOCAL_SALES_COLUMNS})
${LOCAL_SALES_SELECT}
  from z, "analytics_order_fact" f
 where f."deleted_at" is null
 group by 2, 3, 4, 5
 order by 2, 3, 4, 5`,
  /** Params: zone. */
  setZone: `
insert into "analytics_local_day_zone" ("id", "timezone")
values ('alz_' || replace(gen_random_uuid()::text, '-', ''), ?)`,
}
