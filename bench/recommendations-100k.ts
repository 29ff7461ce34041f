/**
 * Recommendations at 100,000 orders (docs/PERFORMANCE.md, "Recommendations"), part 1,
 * `medusa exec`: seeds a dedicated, migrated database and measures the maintenance.
 *
 * 1. Catalog: BENCH_PRODUCTS synthetic rows straight into catalog_product (5 categories,
 *    tags from a small list, ~3 % out of stock, ~2 % inactive), as bench/catalog-search-100k.ts.
 * 2. Orders: BENCH_ORDERS synthetic paid orders of 1–4 products (skewed towards popular
 *    products, partners near each other so pairs have structure), 20,000 customers,
 *    inserted in bulk into recommendation_order; the counters (pairs, popularity, customer
 *    purchases) are then aggregated from them in bulk: the state the subscriber would
 *    have reached after counting them one by one (creating 100k orders through Medusa
 *    would take hours).
 * 3. Maintenance per order, measured: `RecommendationModuleService.applyOrder` for
 *    BENCH_APPLY new orders (count), the same again (a redelivery: no change), then
 *    withdrawn (cancel); and the whole `refreshOrderRecommendationsWorkflow` (reads Medusa's
 *    order and the engine's status, applies, invalidates the cache) on BENCH_WORKFLOW
 *    real Medusa orders made for it. Time per order (p50/p95) and SQL statements per order
 *    (counted in knex's driver call, as SQL_STATEMENT_COUNTER does for requests).
 *
 *   createdb -h localhost -U postgres bench_recs_100k
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_recs_100k npx medusa db:migrate
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_recs_100k BENCH_ORDERS=100000 \
 *     npx medusa exec ./bench/recommendations-100k.ts
 *
 * Rows are only inserted when the tables hold fewer; part 2 (HTTP reads) is
 * bench/recommendations-http.ts against a server on the same database.
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { performance } from "node:perf_hooks"
import { Client } from "pg"
import { CATALOG_MODULE } from "../src/modules/catalog"
import type CatalogModuleService from "../src/modules/catalog/service"
import { ORDER_LIFECYCLE_MODULE } from "../src/modules/order-lifecycle"
import type OrderLifecycleModuleService from "../src/modules/order-lifecycle/service"
import { RECOMMENDATION_MODULE } from "../src/modules/recommendation"
import type RecommendationModuleService from "../src/modules/recommendation/service"
import type { OrderPurchase } from "../src/modules/recommendation/types"
import { refreshOrderRecommendationsWorkflow } from "../src/workflows/recommendation/refresh-order-recommendations"

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 5_000)
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000)
const CUSTOMERS = 20_000
const APPLY = Number(process.env.BENCH_APPLY ?? 500)
const WORKFLOW = Number(process.env.BENCH_WORKFLOW ?? 100)

const CATEGORIES = ["Audio", "Office", "Outdoor", "Kitchen", "Garden"]
const TAGS = ["wireless", "eco", "compact", "premium", "travel", "kids", "classic", "smart"]
const NOUNS = ["speaker", "lamp", "chair", "kettle", "hose", "tent", "mouse", "mug", "rake", "desk"]

/** Synthetic catalog rows, with a `view` in the API's shape. Params: from, to. */
const INSERT_PRODUCTS_SQL = `
  insert into catalog_product (id, handle, name, description, is_active, price, raw_price,
    currency_code, category_id, category_ids, tags, stock_quantity, in_stock, review_count,
    product_created_at, product_updated_at, search_text, view)
  select id, id, name, null, active, 10, '{"value":"10","precision":20}', 'usd', cat, array[cat],
    tags, stock, stock > 0, 0, now(), now(),
    lower(name || ' ' || cat || ' ' || array_to_string(tags, ' ')),
    jsonb_build_object('id', id, 'name', name, 'handle', id, 'description', null,
      'price', '10.00', 'currency_code', 'usd', 'category_id', cat,
      'category', jsonb_build_object('id', cat, 'name', cat, 'handle', lower(cat)),
      'tags', to_jsonb(tags), 'images', '[]'::jsonb, 'stock_quantity', stock,
      'in_stock', stock > 0, 'is_active', active, 'rating_average', null, 'review_count', 0,
      'created_at', '2026-01-01T00:00:00.000Z', 'updated_at', '2026-01-01T00:00:00.000Z')
  from (
    select 'prod_rb' || lpad(i::text, 6, '0') as id,
      initcap(($3::text[])[1 + (hashint4(i) & 2147483647) % array_length($3::text[], 1)]) || ' ' || i as name,
      ($4::text[])[1 + i % 5] as cat,
      array[($5::text[])[1 + (hashint4(i + 1) & 2147483647) % array_length($5::text[], 1)]] as tags,
      case when (hashint4(i + 2) & 2147483647) % 100 < 3 then 0 else 100 end as stock,
      (hashint4(i + 3) & 2147483647) % 100 >= 2 as active
    from generate_series($1::int, $2::int) i
  ) r`

/**
 * Paid orders: a base product skewed towards low numbers (popular), and 0–3 partners
 * within ±20 of it, so products have a recognisable neighbourhood. Params: from, to,
 * products.
 */
const INSERT_ORDERS_SQL = `
  insert into recommendation_order (id, order_id, customer_id, product_ids, counted, paired,
    created_at, updated_at)
  select 'rcord_bench' || n, 'order_rb' || n, 'cus_rb' || (n % ${CUSTOMERS}), ids, true,
    cardinality(ids) between 2 and 20, at, at
  from (
    select n, at, array(select distinct 'prod_rb' || lpad(x::text, 6, '0') from unnest(
      array[base] || array(select 1 + abs(base + ((hashint4(n * 7 + k) % 41))) % $3::int
                           from generate_series(1, (hashint4(n) & 2147483647) % 4) k)) x
      order by 1) as ids
    from (
      select n, 1 + floor($3::int * power(((hashint4(n + 11) & 2147483647) / 2147483647.0), 2))::int as base,
        now() - make_interval(mins => n) as at
      from generate_series($1::int, $2::int) n
    ) o
  ) b`

/** The counters, aggregated from the orders in bulk (what counting them one by one gives). */
const AGGREGATE_SQL = [
  `delete from recommendation_pair`,
  `delete from recommendation_product`,
  `delete from recommendation_customer_product`,
  `insert into recommendation_pair (id, product_id, other_id, orders)
   select 'rcpair_b' || row_number() over (), a, b, count(*)::int
   from recommendation_order o, unnest(o.product_ids) a, unnest(o.product_ids) b
   where o.counted and o.paired and a <> b
   group by a, b`,
  `insert into recommendation_product (id, product_id, orders)
   select 'rcprod_b' || row_number() over (), p, count(*)::int
   from recommendation_order o, unnest(o.product_ids) p where o.counted group by p`,
  `insert into recommendation_customer_product (id, customer_id, product_id, orders, last_ordered_at)
   select 'rccp_b' || row_number() over (), o.customer_id, p, count(*)::int, max(o.created_at)
   from recommendation_order o, unnest(o.product_ids) p where o.counted group by o.customer_id, p`,
]

type KnexClient = { _query: (...args: unknown[]) => unknown }

/** Counts every statement sent through knex's driver call (all modules share it). */
function statementCounter(container: MedusaContainer): { count: () => number } {
  const connection = container.resolve<{ client: KnexClient }>(
    ContainerRegistrationKeys.PG_CONNECTION
  )
  const prototype = Object.getPrototypeOf(connection.client) as KnexClient
  const driverCall = prototype._query
  let statements = 0
  prototype._query = function counted(this: unknown, ...args: unknown[]) {
    statements += 1
    return driverCall.apply(this, args)
  }
  return { count: () => statements }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const round = (value: number) => Math.round(value * 100) / 100

/** Runs `work` per item; time (p50/p95 ms) and statements per item. */
async function measure<T>(
  counter: { count: () => number },
  items: T[],
  work: (item: T) => Promise<unknown>
) {
  const times: number[] = []
  const before = counter.count()
  for (const item of items) {
    const started = performance.now()
    await work(item)
    times.push(performance.now() - started)
  }
  return {
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    statements_each: round((counter.count() - before) / items.length),
  }
}

/** Real Medusa orders (with a paid lifecycle) for the workflow measurement. */
async function makeMedusaOrders(container: MedusaContainer, count: number): Promise<string[]> {
  const orders = container.resolve(Modules.ORDER)
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const ids: string[] = []
  for (let i = 0; i < count; i += 1) {
    const products = [1 + ((i * 13) % PRODUCTS), 1 + ((i * 13 + 5) % PRODUCTS), 1 + ((i * 7) % 50)]
    const [order] = await orders.createOrders([
      {
        currency_code: "usd",
        customer_id: `cus_rbw${i % 50}`,
        email: `rbw${i}@bench.test`,
        items: products.map((n) => ({
          product_id: `prod_rb${String(n).padStart(6, "0")}`,
          title: `Product ${n}`,
          quantity: 1,
          unit_price: 10,
        })),
      },
    ])
    await lifecycles.createOrderLifecycles({
      order_id: order.id,
      customer_id: `cus_rbw${i % 50}`,
      status: "paid",
    })
    ids.push(order.id)
  }
  return ids
}

export default async function benchRecommendations({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const url = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.databaseUrl
  const db = new Client({ connectionString: url })
  await db.connect()
  try {
    const count = async (table: string) =>
      (await db.query(`select count(*)::int as n from ${table}`)).rows[0].n as number
    if ((await count("catalog_product")) < PRODUCTS) {
      await db.query("delete from catalog_product where id like 'prod_rb%'")
      await db.query(INSERT_PRODUCTS_SQL, [1, PRODUCTS, NOUNS, CATEGORIES, TAGS])
      await db.query("vacuum analyze catalog_product")
    }
    if ((await count("recommendation_order")) < ORDERS) {
      const started = performance.now()
      await db.query("delete from recommendation_order")
      for (let from = 1; from <= ORDERS; from += 20_000) {
        await db.query(INSERT_ORDERS_SQL, [from, Math.min(ORDERS, from + 19_999), PRODUCTS])
      }
      const inserted = performance.now()
      for (const sql of AGGREGATE_SQL) {
        await db.query(sql)
      }
      for (const table of ["order", "pair", "product", "customer_product"]) {
        await db.query(`vacuum analyze recommendation_${table}`)
      }
      logger.info(
        `recommendations bench: ${ORDERS} orders inserted in ${Math.round(inserted - started)} ms, ` +
          `counters aggregated in ${Math.round(performance.now() - inserted)} ms`
      )
    }
    const sizes = (
      await db.query(`select
        (select count(*) from recommendation_order)::int as orders,
        (select count(*) from recommendation_pair)::int as pairs,
        (select count(*) from recommendation_product)::int as products,
        (select count(*) from recommendation_customer_product)::int as customer_products,
        (select round(avg(cardinality(product_ids)), 2) from recommendation_order)::float as avg_products`)
    ).rows[0]
    logger.info(`recommendations bench: tables ${JSON.stringify(sizes)}`)

    const recommendations = container.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
    const counter = statementCounter(container)
    const stamp = Date.now()
    const purchases: OrderPurchase[] = Array.from({ length: APPLY }, (_, i) => {
      const base = 1 + ((i * 37) % PRODUCTS)
      const ids = [base, 1 + ((base + 3) % PRODUCTS), 1 + ((base + 11) % PRODUCTS)]
        .map((n) => `prod_rb${String(n).padStart(6, "0")}`)
        .sort()
      return {
        order_id: `order_rbm_${stamp}_${i}`,
        customer_id: `cus_rb${i % CUSTOMERS}`,
        product_ids: ids,
        counted: true,
        paired: true,
        ordered_at: new Date().toISOString(),
      }
    })
    const counted = await measure(counter, purchases, (p) => recommendations.applyOrder(p))
    const redelivered = await measure(counter, purchases, (p) => recommendations.applyOrder(p))
    const withdrawn = await measure(counter, purchases, (p) =>
      recommendations.applyOrder({ ...p, counted: false })
    )
    const orderIds = await makeMedusaOrders(container, WORKFLOW)
    const workflow = await measure(counter, orderIds, (id) =>
      refreshOrderRecommendationsWorkflow(container).run({ input: { order_id: id } })
    )
    const workflowAgain = await measure(counter, orderIds, (id) =>
      refreshOrderRecommendationsWorkflow(container).run({ input: { order_id: id } })
    )
    // The reads behind a cold render, at the database (no HTTP, no cache), over 200
    // products and customers: the quieter figure on a loaded machine.
    const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
    const sample = Array.from({ length: 200 }, (_, i) => 1 + ((i * 97) % PRODUCTS)).map(
      (n) => `prod_rb${String(n).padStart(6, "0")}`
    )
    const customers = Array.from({ length: 200 }, (_, i) => `cus_rb${(i * 89) % CUSTOMERS}`)
    const reads = {
      "topPairs (30 candidates)": await measure(counter, sample, (id) =>
        recommendations.topPairs(id, 2, 30)
      ),
      "topPairs + showableViews (30 ids)": await measure(counter, sample, async (id) =>
        catalog.showableViews(
          (await recommendations.topPairs(id, 2, 30)).map((row) => row.product_id)
        )
      ),
      "similarViews (fallback, 10)": await measure(counter, sample, (id) =>
        catalog.similarViews([id], [id], 10)
      ),
      "customerPairs (20 seeds × 20 partners)": await measure(counter, customers, (id) =>
        recommendations.customerPairs(id, { seeds: 20, perSeed: 20, minOrders: 2, limit: 30 })
      ),
      "popular without the customer's purchases (30)": await measure(counter, customers, (id) =>
        recommendations.popular(id, 30)
      ),
    }
    logger.info(`recommendations bench: reads ${JSON.stringify(reads, null, 2)}`)
    const results = {
      "applyOrder: count a paid order (3 products)": counted,
      "applyOrder: the same order again (redelivery, no change)": redelivered,
      "applyOrder: withdraw it (cancelled/refunded)": withdrawn,
      "refresh workflow: paid order (load + apply + invalidate)": workflow,
      "refresh workflow: the same order again": workflowAgain,
    }
    logger.info(`recommendations bench: maintenance ${JSON.stringify(results, null, 2)}`)
  } finally {
    await db.end()
  }
}
