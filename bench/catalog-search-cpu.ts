/**
 * PostgreSQL CPU per random search, without the HTTP server: the requests of
 * bench/catalog-http.ts's "random: search word(s), 30 % typos, × sort × page × filters"
 * scenario (the same distribution, seeded), each run as the server runs it — the tsquery
 * statement when this run has not seen the words yet (the server keeps it per catalog
 * generation), then the search statement, with the same bindings over one connection —
 * and the backend's CPU time read from /proc around the run. Steadier than the HTTP
 * benchmark's per-request CPU on a shared machine, and quick to repeat for a statement
 * change. Synthetic catalog of bench/catalog-search-100k.ts:
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_cat5k BENCH_REQUESTS=2000 \
 *     npx ts-node --transpile-only bench/catalog-search-cpu.ts
 *
 * BENCH_SPLIT=1 also prints the time of each statement kind (wall clock, client side);
 * BENCH_TSQUERY_KNOWN=1 computes every tsquery before the measured run (the search
 * statements alone); BENCH_EXPLAIN=<n> prints instead the mean planning and execution time
 * of the first n search statements (EXPLAIN ANALYZE without per-node timing), by sort.
 *
 * The statements are sent with bind parameters ($1…), unnamed: each is planned for its
 * values. BENCH_PREPARED=1 sends them as named prepared statements, as the server does
 * (CatalogModuleService.runPrepared): PostgreSQL then keeps a generic plan per statement
 * where it costs no more than planning each time, and the run ends by printing how many
 * executions of each statement ran a generic plan.
 */
import { Client } from "pg"
import { bindNamed, preparedName } from "../src/modules/catalog/sql/bind"
import { TSQUERY_SQL } from "../src/modules/catalog/sql/queries"
import { catalogStatement } from "../src/modules/catalog/sql/statement"
import type { CatalogQuery, CatalogSort } from "../src/modules/catalog/types"
import { BENCH_CATEGORIES, pick, randomSearch, rng, TAGS } from "./catalog-words"
import { cpuMsBetween, sampleCpu } from "./proc-cpu"

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000)
const SORTS = ["newest", "price_asc", "price_desc", "name", "rating"] as const

/** knex's `?` bindings as pg's `$n` (the catalog's statements have no `?` operator). */
function positional(sql: string): string {
  let n = 0
  return sql.replace(/('(?:[^']|'')*')|\?/g, (match, literal) => (literal ? match : `$${++n}`))
}

/** The HTTP scenario's requests as the route hands them to the catalog (facets on). */
export function randomQueries(count: number): CatalogQuery[] {
  const random = rng(Number(process.env.BENCH_SEED ?? 16))
  const categoryIds = BENCH_CATEGORIES.map((_, i) => `pcat_bench_${i}`)
  const queries: CatalogQuery[] = []
  for (let i = 0; i < count; i++) {
    const q = randomSearch(random).q
    const sort: CatalogSort = random() < 0.5 ? "relevance" : pick(random, SORTS)
    const offset = 20 * Math.floor(random() * 3)
    const query: CatalogQuery = { q, sort, offset, limit: 20, facets: true }
    if (random() < 0.3) query.category_id = pick(random, categoryIds)
    if (random() < 0.2) query.tag = pick(random, TAGS)
    if (random() < 0.2) query.in_stock = true
    queries.push(query)
  }
  return queries
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  const prepared = Boolean(process.env.BENCH_PREPARED)
  const run = async (sql: string, params: Record<string, string | number | boolean | null>) => {
    const [text, values] = bindNamed(sql, params)
    return prepared
      ? (await db.query({ name: preparedName(sql), text: positional(text), values })).rows
      : (await db.query(positional(text), values)).rows
  }
  try {
    const pid = String((await db.query("select pg_backend_pid() as pid")).rows[0].pid)
    const queries = randomQueries(REQUESTS)
    // Warm-up: catalogs and plans' relations cached, as in a server that has run a while.
    for (const query of queries.slice(0, 50)) {
      const { sql, params } = catalogStatement(query, "'warm':*")
      await run(sql, params)
    }
    const tsqueries = new Map<string, string | null>()
    if (process.env.BENCH_TSQUERY_KNOWN) {
      // Only the search statements measured: every tsquery computed beforehand.
      for (const { q } of queries) {
        tsqueries.set(q as string, (await run(TSQUERY_SQL, { q: q as string }))[0]?.tsquery ?? null)
      }
    }
    if (process.env.BENCH_EXPLAIN) {
      // Planning and execution time of the search statements (EXPLAIN ANALYZE without
      // per-node timing), summed over the first BENCH_EXPLAIN requests.
      const n = Number(process.env.BENCH_EXPLAIN)
      let planning = 0
      let execution = 0
      const bySort = new Map<string, { n: number; plan: number; exec: number }>()
      for (const query of queries.slice(0, n)) {
        const q = query.q as string
        if (!tsqueries.has(q)) {
          tsqueries.set(q, (await run(TSQUERY_SQL, { q }))[0]?.tsquery ?? null)
        }
        const { sql, params } = catalogStatement(query, tsqueries.get(q) ?? null)
        const [text, values] = bindNamed(sql, params)
        const { rows } = await db.query(
          `explain (analyze, timing off, summary, format json) ${positional(text)}`,
          values
        )
        const [root] = rows[0]["QUERY PLAN"] as {
          "Planning Time": number
          "Execution Time": number
        }[]
        planning += root["Planning Time"]
        execution += root["Execution Time"]
        const cls = `${query.sort}${query.category_id || query.tag || query.in_stock ? "+filter" : ""}`
        const entry = bySort.get(cls) ?? { n: 0, plan: 0, exec: 0 }
        entry.n++
        entry.plan += root["Planning Time"]
        entry.exec += root["Execution Time"]
        bySort.set(cls, entry)
      }
      process.stdout.write(
        `search statements: planning ${(planning / n).toFixed(3)} ms, execution ${(execution / n).toFixed(3)} ms (mean of ${n})\n`
      )
      for (const [cls, e] of [...bySort].sort()) {
        process.stdout.write(
          `  ${cls}: n ${e.n}, planning ${(e.plan / e.n).toFixed(3)}, execution ${(e.exec / e.n).toFixed(3)}\n`
        )
      }
      return
    }
    let tsqueryMs = 0
    let searchMs = 0
    let statements = 0
    const before = sampleCpu([pid])
    const started = performance.now()
    for (const query of queries) {
      const q = query.q as string
      let tsquery = tsqueries.get(q)
      if (tsquery === undefined) {
        const t0 = performance.now()
        tsquery = ((await run(TSQUERY_SQL, { q }))[0]?.tsquery as string | null) ?? null
        tsqueryMs += performance.now() - t0
        tsqueries.set(q, tsquery)
        statements++
      }
      const t1 = performance.now()
      const { sql, params } = catalogStatement(query, tsquery)
      await run(sql, params)
      searchMs += performance.now() - t1
      statements++
    }
    const wall = performance.now() - started
    const cpu = cpuMsBetween(before, sampleCpu([pid]))
    if (prepared) {
      const { rows } = await db.query(
        "select sum(generic_plans)::int as generic, sum(custom_plans)::int as custom, count(*)::int as statements from pg_prepared_statements"
      )
      process.stdout.write(
        `prepared: ${rows[0].statements} statements, ${rows[0].generic} generic and ${rows[0].custom} custom plans\n`
      )
    }
    process.stdout.write(
      `${REQUESTS} random searches, ${tsqueries.size} distinct q (${statements} statements): ` +
        `PostgreSQL CPU ${(cpu / REQUESTS).toFixed(3)} ms/request, wall ${(wall / REQUESTS).toFixed(3)} ms/request\n`
    )
    if (process.env.BENCH_SPLIT) {
      process.stdout.write(
        `  tsquery statements ${(tsqueryMs / tsqueries.size).toFixed(3)} ms each (${tsqueries.size}), ` +
          `search statements ${(searchMs / REQUESTS).toFixed(3)} ms each\n`
      )
    }
  } finally {
    await db.end()
  }
}

if (require.main === module) {
  void main()
}
