/**
 * How often a capped search sorted by something other than relevance is exact, and what it
 * costs, for walks of several lengths (SEARCH_WALK in src/modules/catalog/sql/queries.ts):
 * every single catalog word × every list sort × pages 1, 3 and 5 (20 a page), on the
 * database of bench/catalog-search-100k.ts. A page is exact when it equals the same page of
 * all matches sorted. Pages are 8 kB buffers touched (EXPLAIN (ANALYZE, BUFFERS)).
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_scale_100k \
 *     npx ts-node --transpile-only bench/catalog-search-exactness.ts
 */
import { Client } from "pg"
import { bindNamed } from "../src/modules/catalog/sql/bind"
import { SEARCH_WALK, TSQUERY_SQL } from "../src/modules/catalog/sql/queries"
import { catalogStatement } from "../src/modules/catalog/sql/statement"
import type { CatalogSort } from "../src/modules/catalog/types"
import { SEARCH_WORDS } from "./catalog-words"

/** knex's `?` bindings as pg's `$n`. */
function positional(sql: string): string {
  let n = 0
  return sql.replace(/('(?:[^']|'')*')|\?/g, (match, literal) => (literal ? match : `$${++n}`))
}

/** Each sort's order over every match (the reference). */
const ORDER: Record<Exclude<CatalogSort, "relevance">, string> = {
  newest: "product_created_at desc, id desc",
  price_asc: "coalesce(price, 1000000000000000::numeric), id",
  price_desc: "coalesce(price, -1::numeric) desc, id desc",
  name: "lower(name), id",
  rating: "coalesce(rating_average, -1::real) desc, review_count desc, id desc",
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  try {
    const walks = (process.env.WALKS ?? "1000,2000,5000").split(",").map(Number)
    for (const walk of walks) {
      let capped = 0
      let exact = 0
      let pages = 0
      const firstPages = { capped: 0, exact: 0 }
      for (const q of SEARCH_WORDS) {
        const [tsBound, tsValues] = bindNamed(TSQUERY_SQL, { q })
        const tsquery = (await db.query(positional(tsBound), tsValues)).rows[0].tsquery as string
        for (const sort of Object.keys(ORDER) as (keyof typeof ORDER)[]) {
          for (const offset of [0, 40, 80]) {
            const { sql, params } = catalogStatement(
              { q, sort, limit: 20, offset, facets: true },
              tsquery
            )
            const [bound, values] = bindNamed(
              sql.replace(`limit ${SEARCH_WALK}`, `limit ${walk}`),
              params
            )
            const answer = (await db.query(positional(bound), values)).rows[0]
            if (!answer.count_capped) {
              continue
            }
            capped++
            const plan = (
              await db.query(`explain (analyze, buffers, format json) ${positional(bound)}`, values)
            ).rows[0]["QUERY PLAN"][0].Plan
            pages += plan["Shared Hit Blocks"] + plan["Shared Read Blocks"]
            const ids = (JSON.parse(answer.items) as { id: string }[]).map((item) => item.id)
            const expected = (
              await db.query(
                `select id from catalog_product
                 where is_active and deleted_at is null and search_vector @@ $1::tsquery
                 order by ${ORDER[sort]} limit 20 offset ${offset}`,
                [tsquery]
              )
            ).rows.map((row: { id: string }) => row.id)
            const same = JSON.stringify(ids) === JSON.stringify(expected)
            exact += same ? 1 : 0
            if (offset === 0) {
              firstPages.capped++
              firstPages.exact += same ? 1 : 0
            }
          }
        }
      }
      process.stdout.write(
        `walk ${walk}: ${capped} capped searches, ${exact} exact pages ` +
          `(${((100 * exact) / capped).toFixed(0)} %; first pages ${firstPages.exact} of ` +
          `${firstPages.capped}), ${(pages / capped).toFixed(0)} pages touched on average\n`
      )
    }
  } finally {
    await db.end()
  }
}

void main()
