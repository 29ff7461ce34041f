/**
 * CPU of the search index's part of a search (search-index/answer.ts: matching, filters,
 * count, facets, ranking and the page's choice; not the page statement), over random
 * searches of the HTTP scenario's distribution, their tsqueries computed beforehand.
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/s100k_cat REDIS_URL=redis://localhost:6379/12 \
 *     BENCH_REQUESTS=2000 npx medusa exec ./bench/catalog-index-cpu.ts
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { performance } from "node:perf_hooks"
import { CATALOG_MODULE } from "../src/modules/catalog"
import { answerFromIndex } from "../src/modules/catalog/search-index/answer"
import type CatalogModuleService from "../src/modules/catalog/service"
import { parseTsquery, type TsqueryNode } from "../src/utils/catalog/rank-cd"
import { randomQueries } from "./catalog-search-cpu"

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000)

export default async function indexCpu({ container }: ExecArgs): Promise<void> {
  const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
  const index = await catalog.loadSearchIndex(0, {
    maxProducts: 1_000_000,
    maxViewBytes: Number(process.env.BENCH_VIEW_MB ?? 1024) * 1024 * 1024,
  })
  if (!index) {
    throw new Error("no search index was loaded")
  }
  const queries = randomQueries(REQUESTS)
  const parsed = new Map<string, TsqueryNode | null>()
  for (const { q } of queries) {
    if (!parsed.has(q as string)) {
      const tsquery = await catalog.searchQuery(q as string)
      parsed.set(q as string, tsquery ? parseTsquery(tsquery) : null)
    }
  }
  const run = () => {
    const times: number[] = []
    for (const query of queries) {
      const node = parsed.get(query.q as string)
      const started = performance.now()
      if (node) answerFromIndex(index, query, node)
      times.push(performance.now() - started)
    }
    return times.sort((a, b) => a - b)
  }
  run() // warm-up
  const cpu = process.cpuUsage()
  const times = run()
  const used = process.cpuUsage(cpu)
  const at = (p: number) => times[Math.floor(times.length * p)].toFixed(3)
  process.stdout.write(
    `${index.size} rows: ${REQUESTS} searches, CPU ${((used.user + used.system) / 1000 / REQUESTS).toFixed(3)} ms each, ` +
      `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${times[times.length - 1].toFixed(3)} ms\n`
  )
}
