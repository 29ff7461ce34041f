/**
 * HTTP cost of authentication and of a login, with autocannon against a running server
 * (built and started with `npm run build && npm start`, rate limits off):
 *
 *   BENCH_URL=http://localhost:9000 npx ts-node bench/auth-http.ts
 *
 * - the same public route with and without a valid Bearer token: the difference is
 *   what token verification and the revocation check add to a request;
 * - POST /auth/login: one scrypt password check plus a new session per request.
 */
import autocannon from "autocannon"

const BASE = process.env.BENCH_URL ?? "http://localhost:9000"
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)

type Row = { scenario: string; rps: number; p50: number; p99: number; errors: number }

async function json(
  path: string,
  body: unknown,
  expected: number
): Promise<Record<string, unknown>> {
  const response = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  if (response.status !== expected) {
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  }
  return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>)
}

async function run(scenario: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ duration: DURATION, connections: CONNECTIONS, ...options })
  return {
    scenario,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

async function main(): Promise<void> {
  const suffix = Date.now().toString(36)
  const credentials = { email: `bench-${suffix}@example.test`, password: "bench-password-1" }
  await json("/auth/register", { ...credentials, username: `bench${suffix}` }, 201)
  const tokens = await json("/auth/login", credentials, 200)
  const authorization = `Bearer ${String(tokens.access_token)}`

  const open = { url: `${BASE}/openapi.json` }
  const withToken = { url: `${BASE}/openapi.json`, headers: { authorization } }
  // Warm up (JIT, connection pools), then alternate the pair twice so drift cancels out.
  await autocannon({ ...open, duration: 3, connections: CONNECTIONS })
  const pairs = [
    await run("GET /openapi.json, no token", open),
    await run("GET /openapi.json, Bearer token", withToken),
    await run("GET /openapi.json, no token (again)", open),
    await run("GET /openapi.json, Bearer token (again)", withToken),
  ]
  const rows = [
    ...pairs,
    await run("GET /auth/me (token + 2 reads)", {
      url: `${BASE}/auth/me`,
      headers: { authorization },
    }),
    await run("POST /auth/login", {
      url: `${BASE}/auth/login`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(credentials),
    }),
  ]
  const mean = (a: Row, b: Row) => (a.p50 + b.p50) / 2
  const overhead = mean(pairs[1], pairs[3]) - mean(pairs[0], pairs[2])
  const lines = [
    `| scenario | req/s | p50 ms | p99 ms | errors |`,
    `|---|---|---|---|---|`,
    ...rows.map((r) => `| ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`),
    "",
    `token overhead at p50 (mean of two runs each): ${overhead.toFixed(2)} ms`,
    "",
  ]
  process.stdout.write(lines.join("\n"))
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
