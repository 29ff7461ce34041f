/**
 * Throughput and latency of the catalog routes, with autocannon against a running built
 * server whose database was seeded by bench/catalog-seed.ts (docs/PERFORMANCE.md, "Catalog"):
 *
 *   BENCH_URL=http://localhost:9000 BENCH_PUBLISHABLE_KEY=pk_… npx ts-node bench/catalog-http.ts
 *
 * Every scenario runs with the same connections and duration, one after the other:
 * - GET /health: Medusa's own, plain text "OK", no database work. The engine has no
 *   constant-JSON route, so this is the baseline ("the constant route");
 * - GET /products (newest first; by category sorted by price), GET /products/{id} for one
 *   hot id and rotating over every id, GET /products/search for one query, rotating over
 *   typo queries (all cache hits after the first pass), and a cold path where every
 *   request is a new cache key (same queries, a `min_price`/`max_price` that filters
 *   nothing but changes the key: each request renders from the database);
 * - Medusa's GET /store/products?limit=20 with the publishable key (needs the key).
 *
 * Latency percentiles are computed from every response time (autocannon's "response"
 * event), so p95 is exact rather than read off autocannon's fixed percentiles.
 * BENCH_ONLY=<regexp> keeps the scenarios whose name matches (e.g. "search|health").
 * BENCH_SERVER_PID=<pid> and BENCH_DATABASE=<name> add the CPU milliseconds per request of
 * the server (with its descendants) and of the database's PostgreSQL backends.
 */
import autocannon from "autocannon"
import { loadavg } from "node:os"
import { BENCH_CATEGORIES, pick, randomSearch, rng, TAGS, TYPO_QUERIES } from "./catalog-words"
import { backendsOf, cpuMsBetween, sampleCpu, withDescendants } from "./proc-cpu"

const BASE = process.env.BENCH_URL ?? "http://localhost:9000"
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const PUBLISHABLE_KEY = process.env.BENCH_PUBLISHABLE_KEY
const MAX_IDS = Number(process.env.BENCH_MAX_IDS ?? 1000)
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined
// CPU per request, steadier than req/s on a shared machine: the server process (and its
// descendants) and the PostgreSQL backends of one database, sampled around each scenario.
const SERVER_PID = process.env.BENCH_SERVER_PID
const DATABASE = process.env.BENCH_DATABASE

type Row = {
  scenario: string
  requests: number
  rps: number
  p50: number
  p95: number
  p99: number
  errors: number
  kb: number
  serverMs?: number
  databaseMs?: number
}

function cpuPids(): { server: string[]; database: string[] } {
  return {
    server: SERVER_PID ? withDescendants([SERVER_PID]) : [],
    database: DATABASE ? backendsOf(DATABASE) : [],
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) {
    return NaN
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${BASE}${path}`, { headers })
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  }
  return (await response.json()) as T
}

/** A request path that changes on every call (each client asks for the next one). */
function rotating(paths: () => string): autocannon.Request[] {
  return [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths() }) }]
}

async function run(scenario: string, options: autocannon.Options): Promise<Row> {
  const times: number[] = []
  const pids = cpuPids()
  const before = { server: sampleCpu(pids.server), database: sampleCpu(pids.database) }
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { duration: DURATION, connections: CONNECTIONS, ...options },
      (error, done) => (error ? reject(error) : resolve(done))
    )
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime)
    })
  })
  // Backends the pool opened during the scenario count too (from zero: all their CPU is in it).
  const databaseNow = DATABASE ? [...new Set([...pids.database, ...backendsOf(DATABASE)])] : []
  const after = { server: sampleCpu(pids.server), database: sampleCpu(databaseNow) }
  times.sort((a, b) => a - b)
  const round = (value: number) => Math.round(value * 10) / 10
  const perRequest = (ms: number) =>
    result.requests.total ? Math.round((ms / result.requests.total) * 100) / 100 : undefined
  return {
    serverMs: SERVER_PID ? perRequest(cpuMsBetween(before.server, after.server)) : undefined,
    databaseMs: DATABASE ? perRequest(cpuMsBetween(before.database, after.database)) : undefined,
    scenario,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    errors: result.errors + result.timeouts + result.non2xx,
    kb: result.requests.total ? round(result.throughput.total / result.requests.total / 1024) : 0,
  }
}

type Page = {
  items: { id: string; category_id: string | null }[]
  count: number
  count_capped?: boolean
  next_cursor?: string | null
}

async function main(): Promise<void> {
  // Everything the scenarios need, read through the API (and checked to answer 200).
  // Paged by cursor: offsets stop at 1,000.
  const ids: string[] = []
  for (let cursor = ""; ;) {
    const page = await getJson<Page>(`/products?limit=100${cursor && `&cursor=${cursor}`}`)
    ids.push(...page.items.map((item) => item.id))
    if (!page.next_cursor || ids.length >= MAX_IDS) {
      break
    }
    cursor = page.next_cursor
  }
  if (!ids.length) {
    throw new Error("GET /products is empty: seed the database (bench/catalog-seed.ts)")
  }
  const categoryId = (await getJson<Page>("/products?limit=1")).items[0].category_id
  const found = await getJson<Page>(`/products/search?q=${encodeURIComponent(TYPO_QUERIES[0])}`)

  let next = 0
  const nextId = () => `/products/${ids[next++ % ids.length]}`
  const nextQuery = () =>
    `/products/search?q=${encodeURIComponent(TYPO_QUERIES[next++ % TYPO_QUERIES.length])}`
  // Cold path: a key never asked before. min_price 0.01–4.99 and max_price ≥ 100000 filter
  // no product out (prices are 5–800), so every request does the full search.
  const salt = Math.floor(Math.random() * 1_000_000)
  let cold = 0
  const nextColdQuery = () => {
    const i = cold++
    const k = Math.floor(i / TYPO_QUERIES.length)
    const min = ((k % 499) + 1) / 100
    const max = 100_000 + salt + Math.floor(k / 499)
    const q = encodeURIComponent(TYPO_QUERIES[i % TYPO_QUERIES.length])
    return `/products/search?q=${q}&min_price=${min.toFixed(2)}&max_price=${max}.00`
  }

  // Cache-hostile scenarios (issue 16): every request a different page, filter, product or
  // search, drawn from a seeded generator. Synthetic catalogs (bench/catalog-search-100k.ts)
  // have ids prod_bench00000001…: any of them is picked; otherwise the ids read above.
  const random = rng(Number(process.env.BENCH_SEED ?? 16))
  const head = await getJson<Page>("/products?limit=1")
  const total = head.count
  const synthetic = /^prod_bench\d{8}$/.test(ids[0])
  // Counts stop at 1,000 (count_capped): "one product of all" would then pick among the
  // first 1,000 ids only, mostly cache hits. The seed's row count must be given.
  if (synthetic && head.count_capped && !process.env.BENCH_ROWS) {
    throw new Error("the catalog holds over 1,000 products: set BENCH_ROWS to its size")
  }
  const idRange = Number(process.env.BENCH_ROWS ?? (synthetic ? total : ids.length))
  const randomId = () =>
    synthetic
      ? `/products/prod_bench${String(1 + Math.floor(random() * idRange)).padStart(8, "0")}`
      : `/products/${pick(random, ids)}`
  const categoryIds = synthetic
    ? BENCH_CATEGORIES.map((_, i) => `pcat_bench_${i}`)
    : [categoryId ?? ""].filter(Boolean)
  const SORTS = ["newest", "price_asc", "price_desc", "name", "rating"]
  const randomFilters = () => {
    const params: string[] = []
    if (random() < 0.3 && categoryIds.length)
      params.push(`category_id=${pick(random, categoryIds)}`)
    if (random() < 0.2) params.push(`tag=${pick(random, TAGS)}`)
    if (random() < 0.2) params.push("in_stock=true")
    return params
  }
  const randomPrice = () => {
    const min = Math.floor(random() * 70_000) / 100
    return [
      `min_price=${min.toFixed(2)}`,
      `max_price=${(min + 10 + Math.floor(random() * 20_000) / 100).toFixed(2)}`,
    ]
  }
  const randomPage = () =>
    `/products?${[`sort=${pick(random, SORTS)}`, `offset=${Math.floor(random() * 1_001)}`, ...randomFilters()].join("&")}`
  const randomPriceFilter = () => `/products?${randomPrice().join("&")}`
  const randomSearchPath = () =>
    `/products/search?${[
      `q=${encodeURIComponent(randomSearch(random).q)}`,
      ...(random() < 0.5 ? [] : [`sort=${pick(random, SORTS)}`]),
      `offset=${20 * Math.floor(random() * 3)}`,
      ...randomFilters(),
    ].join("&")}`

  const scenarios: [string, autocannon.Options][] = [
    ["GET /health (Medusa's, text OK; no constant-JSON route exists)", { url: `${BASE}/health` }],
    ["GET /products?limit=20", { url: `${BASE}/products?limit=20` }],
    [
      "GET /products?category_id=…&sort=price_asc",
      { url: `${BASE}/products?category_id=${categoryId}&sort=price_asc` },
    ],
    ["GET /products/{id}, one hot id", { url: `${BASE}/products/${ids[0]}` }],
    [
      `GET /products/{id}, rotating over ${ids.length} ids`,
      { url: BASE, requests: rotating(nextId) },
    ],
    [
      "GET /products/search?q=wireles mouse",
      { url: `${BASE}/products/search?q=${encodeURIComponent("wireles mouse")}` },
    ],
    [
      `GET /products/search, rotating ${TYPO_QUERIES.length} typo queries`,
      { url: BASE, requests: rotating(nextQuery) },
    ],
    [
      "GET /products/search, cold path (every request a new cache key)",
      { url: BASE, requests: rotating(nextColdQuery) },
    ],
  ]
  scenarios.push(
    ["random: one product of all", { url: BASE, requests: rotating(randomId) }],
    ["random: price-range filter", { url: BASE, requests: rotating(randomPriceFilter) }],
    [
      "random: page (offset 0–1,000) × sort × filters",
      { url: BASE, requests: rotating(randomPage) },
    ],
    [
      "random: search word(s), 30 % typos, × sort × page × filters",
      { url: BASE, requests: rotating(randomSearchPath) },
    ]
  )
  if (PUBLISHABLE_KEY) {
    const headers = { "x-publishable-api-key": PUBLISHABLE_KEY }
    const store = await getJson<{ count: number }>("/store/products?limit=20", headers)
    process.stdout.write(`GET /store/products: ${store.count} products\n`)
    scenarios.push([
      "GET /store/products?limit=20 (Medusa)",
      { url: `${BASE}/store/products?limit=20`, headers },
    ])
  } else {
    process.stdout.write("BENCH_PUBLISHABLE_KEY unset: skipping GET /store/products\n")
  }
  scenarios.push(["GET /health (again, drift check)", { url: `${BASE}/health` }])
  const selected = scenarios.filter(([name]) => !ONLY || ONLY.test(name))

  process.stdout.write(
    `${ids.length} products; "${TYPO_QUERIES[0]}" → ${found.count} hits; ` +
      `${CONNECTIONS} connections × ${DURATION} s per scenario; load average ` +
      `${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}\n`
  )
  // Warm up: JIT, connection pools, caches of the fixed URLs.
  await autocannon({ url: `${BASE}/health`, duration: 3, connections: CONNECTIONS })
  await autocannon({ url: `${BASE}/products?limit=20`, duration: 3, connections: CONNECTIONS })

  const rows: Row[] = []
  for (const [name, options] of selected) {
    rows.push(await run(name, options))
    process.stderr.write(`done: ${name}\n`)
  }
  if (cold > 499 * TYPO_QUERIES.length) {
    process.stdout.write("note: the cold-path keys wrapped around; later requests hit the cache\n")
  }

  const base = rows.find((row) => row.scenario.startsWith("GET /health"))
  const store = rows.find((row) => row.scenario.startsWith("GET /store/products"))
  const ratio = (row: Row, of: Row | undefined) => (of ? `${(row.rps / of.rps).toFixed(2)}` : "–")
  const lines = [
    "",
    `| scenario | req/s | p50 ms | p95 ms | p99 ms | errors/non-2xx | KB/resp | ÷ /health | ÷ /store/products | server CPU ms/req | PostgreSQL CPU ms/req |`,
    `|---|---|---|---|---|---|---|---|---|---|---|`,
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.kb} | ` +
        `${ratio(r, base)} | ${ratio(r, store)} | ${r.serverMs ?? "–"} | ${r.databaseMs ?? "–"} |`
    ),
    "",
  ]
  process.stdout.write(lines.join("\n"))
  if (rows.some((row) => row.errors > 0)) {
    process.stderr.write("some requests failed (errors/non-2xx > 0)\n")
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
