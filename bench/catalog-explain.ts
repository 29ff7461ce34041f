/**
 * EXPLAIN (ANALYZE, BUFFERS) of the exact statement a catalog read runs
 * (CatalogModuleService.queryCatalog), for the plans of docs/PERFORMANCE.md. Buffers are
 * the measure that does not depend on the machine's load: how many 8 kB pages a request
 * touched. Also used by bench/catalog-search-100k.ts (BENCH_BUFFERS=1).
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_scale_100k \
 *     npx ts-node --transpile-only bench/catalog-explain.ts \
 *     '{"q":"portable","sort":"name","min_price":"100","max_price":"150","limit":20,"offset":0,"facets":true}'
 */
import { Client } from "pg"
import { bindNamed } from "../src/modules/catalog/sql/bind"
import { TSQUERY_SQL } from "../src/modules/catalog/sql/queries"
import { catalogStatement } from "../src/modules/catalog/sql/statement"
import type { CatalogQuery } from "../src/modules/catalog/types"

/** knex's `?` bindings as pg's `$n` (the catalog's statements have no `?` operator). */
function positional(sql: string): string {
  let n = 0
  return sql.replace(/('(?:[^']|'')*')|\?/g, (match, literal) => (literal ? match : `$${++n}`))
}

export type Explained = { buffers: number; ms: number; planMs: number; plan: string }

type PlanNode = {
  "Shared Hit Blocks": number
  "Shared Read Blocks": number
  "Temp Read Blocks": number
  "Temp Written Blocks": number
}

type Root = { Plan: PlanNode; "Execution Time": number; "Planning Time": number }

async function explainOne(
  db: Client,
  sql: string,
  params: Record<string, string | number | boolean | null>,
  text: boolean
): Promise<Explained> {
  const [bound, values] = bindNamed(sql, params)
  const sqlText = positional(bound)
  const { rows } = await db.query(`explain (analyze, buffers, format json) ${sqlText}`, values)
  const [root] = rows[0]["QUERY PLAN"] as Root[]
  const p = root.Plan
  let plan = ""
  if (text) {
    const out = await db.query(`explain (analyze, buffers) ${sqlText}`, values)
    plan = out.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")
  }
  return {
    buffers:
      p["Shared Hit Blocks"] +
      p["Shared Read Blocks"] +
      p["Temp Read Blocks"] +
      p["Temp Written Blocks"],
    ms: root["Execution Time"],
    planMs: root["Planning Time"],
    plan,
  }
}

/**
 * What `queryCatalog(query)` costs: a search's two statements (its tsquery, then the
 * search) added up, a list's one.
 */
export async function explainCatalog(
  db: Client,
  query: CatalogQuery,
  text = false
): Promise<Explained> {
  let tsquery: string | null = null
  let before: Explained = { buffers: 0, ms: 0, planMs: 0, plan: "" }
  if (query.q) {
    before = await explainOne(db, TSQUERY_SQL, { q: query.q }, text)
    const [bound, values] = bindNamed(TSQUERY_SQL, { q: query.q })
    tsquery = ((await db.query(positional(bound), values)).rows[0]?.tsquery as string) ?? null
  }
  const { sql, params } = catalogStatement(query, tsquery)
  const out = await explainOne(db, sql, params, text)
  return {
    buffers: before.buffers + out.buffers,
    ms: before.ms + out.ms,
    planMs: before.planMs + out.planMs,
    plan: text ? `${query.q ? `tsquery ${tsquery}\n${before.plan}\n\n` : ""}${out.plan}` : "",
  }
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  try {
    for (const arg of process.argv.slice(2)) {
      const query = { limit: 20, offset: 0, ...(JSON.parse(arg) as Partial<CatalogQuery>) }
      const out = await explainCatalog(db, query as CatalogQuery, !process.env.EXPLAIN_BRIEF)
      process.stdout.write(
        `${arg}\n  buffers ${out.buffers}, execution ${out.ms.toFixed(1)} ms, planning ` +
          `${out.planMs.toFixed(1)} ms\n${out.plan}\n\n`
      )
    }
  } finally {
    await db.end()
  }
}

if (require.main === module) {
  void main()
}
