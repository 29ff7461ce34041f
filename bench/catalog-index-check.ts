/**
 * The search index against the search statement (docs/DECISIONS.md, "Search from an
 * in-process index"): random searches of the HTTP scenario's distribution (and price
 * ranges), each answered both ways through the catalog module, with the next page by its
 * cursor too. Searches with at most SEARCH_MATCH_CAP matches must answer byte for byte the
 * same; capped ones are counted (their counts, facets and pages differ by design: the
 * index sees every match). Prints the first differences; exit code 1 when one is found.
 * Also prints the index's load time and heap.
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/s5k_cat REDIS_URL=redis://localhost:6379/12 \
 *     BENCH_REQUESTS=1000 npx medusa exec ./bench/catalog-index-check.ts
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { performance } from "node:perf_hooks"
import { CATALOG_MODULE } from "../src/modules/catalog"
import type CatalogModuleService from "../src/modules/catalog/service"
import type { CatalogPage, CatalogQuery } from "../src/modules/catalog/types"
import { canonicalCatalogPage as canonical } from "../integration-tests/helpers/catalog"
import { randomQueries } from "./catalog-search-cpu"
import { BENCH_CATEGORIES, pick, rng, TAGS } from "./catalog-words"

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000)

export default async function indexCheck({ container }: ExecArgs): Promise<void> {
  const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
  const heapBefore = process.memoryUsage().heapUsed
  const started = performance.now()
  const index = await catalog.loadSearchIndex(0, {
    maxProducts: 1_000_000,
    maxViewBytes: Number(process.env.BENCH_VIEW_MB ?? 1024) * 1024 * 1024,
  })
  if (!index) {
    throw new Error("no search index was loaded")
  }
  const loadMs = performance.now() - started
  global.gc?.()
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6
  let same = 0
  let capped = 0
  const differences: string[] = []
  const compare = async (query: CatalogQuery, tsquery: string | null) => {
    const fromDatabase = await catalog.queryCatalog(query, { tsquery })
    const fromIndex = await catalog.queryCatalog(query, { tsquery, index })
    // A capped list is still exact (the list statement walks the sort); a capped search
    // is not compared (the index sees every match).
    if (fromDatabase.count_capped && query.q) {
      capped++
      return undefined
    }
    const a = canonical(fromDatabase)
    const b = canonical(fromIndex)
    if (a === b) {
      same++
    } else if (differences.length < 10) {
      differences.push(
        `${JSON.stringify(query)}\n  database: ${a.slice(0, 600)}\n  index:    ${b.slice(0, 600)}`
      )
    }
    return fromDatabase
  }
  const random = randomQueries(REQUESTS)
  for (const [i, query] of random.entries()) {
    if (i % 7 === 3) {
      query.min_price = String(10 + (i % 90))
      query.max_price = String(200 + (i % 300))
    }
    const tsquery = await catalog.searchQuery(query.q as string)
    const page: CatalogPage | undefined = await compare(query, tsquery)
    if (page?.next_key) {
      await compare({ ...query, offset: 0, after: JSON.parse(page.next_key) as string[] }, tsquery)
    }
  }
  // Lists (no search words): random sorts, filters, offsets, and the next page by cursor.
  const random2 = rng(Number(process.env.BENCH_SEED ?? 16))
  const sorts = ["newest", "price_asc", "price_desc", "name", "rating"] as const
  let lists = 0
  for (let i = 0; i < REQUESTS / 2; i++) {
    const query: CatalogQuery = {
      sort: pick(random2, sorts),
      limit: 20,
      offset: 20 * Math.floor(random2() * 50),
      ...(random2() < 0.3
        ? { category_id: `pcat_bench_${Math.floor(random2() * BENCH_CATEGORIES.length)}` }
        : {}),
      ...(random2() < 0.2 ? { tag: pick(random2, TAGS) } : {}),
      ...(random2() < 0.2 ? { in_stock: true } : {}),
      ...(random2() < 0.2 ? { min_price: "50", max_price: "300" } : {}),
    }
    const page = await compare(query, null)
    lists++
    if (page?.next_key) {
      await compare({ ...query, offset: 0, after: JSON.parse(page.next_key) as string[] }, null)
      lists++
    }
  }
  process.stdout.write(`${lists} list pages compared\n`)
  process.stdout.write(
    `index: ${index.size} rows, ${index.lexemes.length} lexemes, loaded in ${loadMs.toFixed(0)} ms, ` +
      `≈ ${heapMb.toFixed(0)} MB of heap\n` +
      `${same} answers the same, ${differences.length ? "some" : "none"} different, ${capped} capped (not compared)\n` +
      differences.join("\n")
  )
  if (differences.length) {
    process.exitCode = 1
  }
}
