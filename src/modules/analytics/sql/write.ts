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

/**
 * Inserts or replaces facts; `first_order`/`returning` are recomputed afterwards. Returns
 * the hour buckets the facts now fall in (FACT_KEYS_SQL's answer after the write).
 */
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
       "units" = excluded."units", "lines" = excluded."lines", "updated_at" = now()
returning ${HOUR} as "bucket_start", f."currency_code"`

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

/** What an upsert of a recomputed rollup row rewrites (its id and bucket stay). */
const SALES_UPDATE = `"orders" = excluded."orders", "total" = excluded."total",
  "raw_total" = excluded."raw_total", "refunded" = excluded."refunded",
  "raw_refunded" = excluded."raw_refunded", "units" = excluded."units",
  "new_customers" = excluded."new_customers", "returning_orders" = excluded."returning_orders",
  "updated_at" = now()`

const PRODUCT_UPDATE = `"units" = excluded."units", "revenue" = excluded."revenue",
  "raw_revenue" = excluded."raw_revenue", "updated_at" = now()`

/**
 * Three CTEs (`<name>`, `<name>_gone`, `<name>_put`) that make `table`'s rows of some
 * buckets what `fresh` computes: the buckets' rows `fresh` no longer produces are deleted
 * (and soft-deleted ones, which the upsert would not reach, as the old full delete did),
 * the others upserted on the table's unique `key` (a partial index on live rows). The
 * delete and the upsert touch different rows, so they can share one statement's snapshot
 * (a delete and a re-insert of the same key could not). `scope` names the buckets: a
 * `using` list and the condition that ties a row `s` to them.
 */
function replaceBucketRows(rows: {
  name: string
  table: string
  columns: string
  fresh: string
  scope: { using: string; where: string }
  key: string[]
  update: string
}): string {
  const same = rows.key.map((column) => `n."${column}" = s."${column}"`).join(" and ")
  return `${rows.name} (${rows.columns}) as (${rows.fresh}),
${rows.name}_gone as (
  delete from ${rows.table} s using ${rows.scope.using}
   where ${rows.scope.where}
     and (s."deleted_at" is not null or not exists (select 1 from ${rows.name} n where ${same}))),
${rows.name}_put as (
  insert into ${rows.table} (${rows.columns}) select * from ${rows.name}
  on conflict (${rows.key.map((column) => `"${column}"`).join(", ")}) where "deleted_at" is null
  do update set ${rows.update})`
}

/** A rollup row `s` in one of the buckets `k` (same start and currency). */
const IN_KEYS = `s."bucket_start" = k."bucket_start" and s."currency_code" = k."currency_code"`

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
  const name = level.unit
  return {
    /**
     * Recomputes the sales and product rollups of the given buckets from the facts, as
     * CTEs of one statement (REFRESH_ROLLUPS_SQL, replaceBucketRows). Params:
     * keys (JSON [{bucket_start, currency_code}]), kept statuses (JSON).
     */
    refreshCtes: `
${name}_keys as (select * from ${KEYS}),
${replaceBucketRows({
  name: `${name}_sales`,
  table: level.sales,
  columns: SALES_COLUMNS,
  fresh: `${salesSelect}
  from "analytics_order_fact" f join ${name}_keys k on ${inKey}
 where f."deleted_at" is null
 group by 2, 3, 4`,
  scope: { using: `${name}_keys k`, where: IN_KEYS },
  key: ["bucket_start", "currency_code", "status"],
  update: SALES_UPDATE,
})},
${replaceBucketRows({
  name: `${name}_products`,
  table: level.product,
  columns: PRODUCT_COLUMNS,
  fresh: `${productSelect}
  from "analytics_order_fact" f join ${name}_keys k on ${inKey}
  ${LINES}
 where f."deleted_at" is null and ${KEPT} and l."product_id" is not null
 group by 2, 3, 4`,
  scope: { using: `${name}_keys k`, where: IN_KEYS },
  key: ["bucket_start", "currency_code", "product_id"],
  update: PRODUCT_UPDATE,
})}`,
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

/**
 * The hour and day rollups of some buckets recomputed in one statement (one round trip
 * where eight statements were). Params: hour keys, kept statuses, day keys, kept statuses.
 */
export const REFRESH_ROLLUPS_SQL = `with ${HOUR_ROLLUPS.refreshCtes},
${DAY_ROLLUPS.refreshCtes}
select 1`

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
  /**
   * Recomputes the given months from the days, deleting months' rows no longer produced
   * and upserting the others (as the levels' `refreshCtes`). Params: month keys.
   */
  refresh: `
with k as (select * from ${KEYS}),
${replaceBucketRows({
  name: "months",
  table: `"analytics_product_month"`,
  columns: PRODUCT_COLUMNS,
  fresh: `${MONTH_SELECT}
  from "analytics_product_day" d join k
    on d."currency_code" = k."currency_code" and d."bucket_start" >= k."bucket_start"
   and d."bucket_start" < k."bucket_start" + interval '1 month'
 where d."deleted_at" is null
 group by 2, 3, 4`,
  scope: { using: "k", where: IN_KEYS },
  key: ["bucket_start", "currency_code", "product_id"],
  update: PRODUCT_UPDATE,
})}
select 1`,
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
 * two where the offset has half or quarter hours. Needs a CTE `z` (the zone). Params: hour
 * keys (JSON).
 */
const LOCAL_KEYS = `k as (
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
  /**
   * Recomputes the local days the hour keys touch, in the zone a rebuild filled them for
   * (nothing before the first rebuild): days' rows no longer produced are deleted, the
   * others upserted (as the levels' `refreshCtes`). Params: hour keys.
   */
  refresh: `
with z as (select "timezone" as "tz" from "analytics_local_day_zone" where "deleted_at" is null limit 1),
${LOCAL_KEYS},
${replaceBucketRows({
  name: "local_days",
  table: `"analytics_sales_local_day"`,
  columns: LOCAL_SALES_COLUMNS,
  fresh: `${LOCAL_SALES_SELECT}
  from z cross join k join "analytics_order_fact" f
    on f."currency_code" = k."currency_code" and f."placed_at" >= k."bucket_start"
   and f."placed_at" < ((k."bucket_start" at time zone z."tz") + interval '1 day') at time zone z."tz"
 where f."deleted_at" is null
 group by 2, 3, 4, 5`,
  scope: { using: "z, k", where: `s."timezone" = z."tz" and ${IN_KEYS}` },
  key: ["timezone", "bucket_start", "currency_code", "status"],
  update: SALES_UPDATE,
})}
select 1`,
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
