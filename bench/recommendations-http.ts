/**
 * Recommendations at 100,000 orders, part 2: read latency of both routes over HTTP, cold
 * and cached, with Medusa's /health as the floor in the same run (docs/PERFORMANCE.md,
 * "Recommendations"). Against a built server on the database bench/recommendations-100k.ts
 * seeded, started with SQL_STATEMENT_COUNTER=true (statements per request are printed):
 *
 *   BENCH_URL=http://localhost:9330 JWT_SECRET=bench-secret npx ts-node bench/recommendations-http.ts
 *
 * Scenarios (same connections and duration each):
 * - GET /health;
 * - GET /products/{id}/recommendations over BENCH_HOT ids, after a warm pass (cached);
 * - the same where every request is a new cache key (a product not asked before, or a
 *   new `limit`): each one renders from the database (cold);
 * - GET /users/{id}/recommendations for BENCH_HOT customers, each with its own token
 *   (signed with JWT_SECRET like the tests' shoppers), after a warm pass (cached);
 * - the same over all 20,000 seeded customers (cold);
 * - GET /health again (drift check).
 * p50/p95/p99 are computed from every response time.
 */
import autocannon from "autocannon"
import { signJwt } from "../integration-tests/helpers/jwt"

const BASE = process.env.BENCH_URL ?? "http://localhost:9330"
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const HOT = Number(process.env.BENCH_HOT ?? 200)
const CUSTOMERS = 20_000
const SECRET = process.env.JWT_SECRET ?? "supersecret"

type Row = { scenario: string; rps: number; p50: number; p95: number; p99: number; errors: number }

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function tokenFor(customerId: string): string {
  const now = Math.floor(Date.now() / 1000)
  return signJwt(
    {
      actor_id: customerId,
      actor_type: "customer",
      auth_identity_id: `authid_${customerId}`,
      app_metadata: { customer_id: customerId },
      iat: now,
      exp: now + 3600,
    },
    SECRET
  )
}

const customerId = (n: number) => `cus_rb${n % CUSTOMERS}`
const authFor = new Map<string, string>()
function auth(id: string): string {
  let header = authFor.get(id)
  if (!header) {
    header = `Bearer ${tokenFor(id)}`
    authFor.set(id, header)
  }
  return header
}

/** A request whose path (and headers) change on every call. */
function rotating(next: () => { path: string; headers?: Record<string, string> }) {
  return [
    {
      method: "GET" as const,
      setupRequest: (request: autocannon.Request) => {
        const { path, headers } = next()
        return { ...request, path, headers: { ...request.headers, ...headers } }
      },
    },
  ]
}

async function run(scenario: string, options: autocannon.Options): Promise<Row> {
  const times: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { duration: DURATION, connections: CONNECTIONS, ...options },
      (error, done) => (error ? reject(error) : resolve(done))
    )
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
  times.sort((a, b) => a - b)
  const r = (value: number) => Math.round(value * 10) / 10
  return {
    scenario,
    rps: Math.round(result.requests.average),
    p50: r(percentile(times, 50)),
    p95: r(percentile(times, 95)),
    p99: r(percentile(times, 99)),
    errors: result.errors + result.timeouts + result.non2xx,
  }
}

async function fetchStatements(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${path}`, { headers })
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  }
  const body = (await response.json()) as { items: { reason: string }[] }
  return {
    statements: response.headers.get("x-sql-statements") ?? "(counter off)",
    reasons: [...new Set(body.items.map((item) => item.reason))].join("+"),
  }
}

async function main(): Promise<void> {
  const ids: string[] = []
  for (let offset = 0; ; offset += 100) {
    const response = await fetch(`${BASE}/products?limit=100&offset=${offset}`)
    const page = (await response.json()) as { items: { id: string }[]; count: number }
    ids.push(...page.items.map((item) => item.id))
    if (!page.items.length || ids.length >= page.count) {
      break
    }
  }
  if (ids.length < HOT) {
    throw new Error(`only ${ids.length} active products: run bench/recommendations-100k.ts first`)
  }
  // Statements per request, cold (a new key) then cached (the same key again), for five
  // products and five customers with limits the scenarios below never ask.
  const statements: Record<string, string[]> = {
    product_cold: [],
    product_cached: [],
    user_cold: [],
    user_cached: [],
  }
  for (let k = 0; k < 5; k += 1) {
    const limit = 1 + Math.floor(Math.random() * 9)
    const productPath = `/products/${ids[ids.length - 1 - k]}/recommendations?limit=${limit}`
    const customer = customerId(CUSTOMERS - 1 - k)
    const userPath = `/users/${customer}/recommendations?limit=${limit}`
    const headers = { authorization: auth(customer) }
    for (const [kind, path, h] of [
      ["product", productPath, {}],
      ["user", userPath, headers],
    ] as const) {
      const cold = await fetchStatements(path, h)
      const cached = await fetchStatements(path, h)
      statements[`${kind}_cold`].push(`${cold.statements} (${cold.reasons})`)
      statements[`${kind}_cached`].push(cached.statements)
    }
  }
  process.stdout.write(`SQL statements per request: ${JSON.stringify(statements, null, 1)}\n`)

  // Warm passes for the cached scenarios (limit 10, the default).
  const hotIds = ids.slice(0, HOT)
  for (const id of hotIds) {
    await fetch(`${BASE}/products/${id}/recommendations`)
  }
  for (let n = 0; n < HOT; n += 1) {
    await fetch(`${BASE}/users/${customerId(n)}/recommendations`, {
      headers: { authorization: auth(customerId(n)) },
    })
  }
  let hotProduct = 0
  let hotUser = 0
  // Cold keys: limits 11–50 were not asked in the warm pass; each (id, limit) once.
  let coldProduct = 0
  let coldUser = HOT
  const nextColdProduct = () => {
    const i = coldProduct++
    const limit = 11 + (Math.floor(i / ids.length) % 40)
    return { path: `/products/${ids[(i + HOT) % ids.length]}/recommendations?limit=${limit}` }
  }
  const nextColdUser = () => {
    const id = customerId(coldUser++)
    return { path: `/users/${id}/recommendations`, headers: { authorization: auth(id) } }
  }
  const scenarios: [string, autocannon.Options][] = [
    ["GET /health (floor)", { url: `${BASE}/health` }],
    [
      `GET /products/{id}/recommendations, cached (${HOT} ids)`,
      {
        url: BASE,
        requests: rotating(() => ({
          path: `/products/${hotIds[hotProduct++ % HOT]}/recommendations`,
        })),
      },
    ],
    [
      "GET /products/{id}/recommendations, cold (every request a new key)",
      { url: BASE, requests: rotating(nextColdProduct) },
    ],
    [
      `GET /users/{id}/recommendations, cached (${HOT} customers)`,
      {
        url: BASE,
        requests: rotating(() => {
          const id = customerId(hotUser++ % HOT)
          return { path: `/users/${id}/recommendations`, headers: { authorization: auth(id) } }
        }),
      },
    ],
    [
      "GET /users/{id}/recommendations, cold (every request a new customer)",
      { url: BASE, requests: rotating(nextColdUser) },
    ],
    ["GET /health (again, drift check)", { url: `${BASE}/health` }],
  ]
  await autocannon({ url: `${BASE}/health`, duration: 3, connections: CONNECTIONS })
  const rows: Row[] = []
  for (const [name, options] of scenarios) {
    rows.push(await run(name, options))
    process.stderr.write(`done: ${name}\n`)
  }
  if (coldUser > CUSTOMERS) {
    process.stdout.write("note: the cold customers wrapped around; later requests hit the cache\n")
  }
  const floor = rows[0]
  const lines = [
    "",
    `${ids.length} active products, ${CONNECTIONS} connections × ${DURATION} s per scenario`,
    "",
    "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors/non-2xx | req/s ÷ /health | p95 ÷ /health p95 |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ` +
        `${(r.rps / floor.rps).toFixed(2)} | ${(r.p95 / floor.p95).toFixed(1)} |`
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
  process.exitCode = 1
})
