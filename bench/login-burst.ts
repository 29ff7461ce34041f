/**
 * A burst of logins while a shopper browses: N `POST /auth/login` of the load seed's
 * shoppers (bench/load-seed.ts) sent at once, and meanwhile `GET /products?limit=20` with
 * `Accept-Encoding: gzip` and `GET /health` probed every 100 ms. Prints how long the burst
 * took and the probes' p50/max: a login's scrypt shares libuv's thread pool with response
 * compression (docs/PERFORMANCE.md, "Login and authenticated HTTP requests").
 *
 *   BENCH_URL=http://localhost:9300 BENCH_LOGINS=120 npx ts-node --transpile-only bench/login-burst.ts
 */
import { LOAD_SHOPPER_PASSWORD, loadShopperEmail } from "./load-users"

const BASE = process.env.BENCH_URL ?? "http://localhost:9300"
const LOGINS = Number(process.env.BENCH_LOGINS ?? 120)
const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 150)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function probe(path: string, headers: Record<string, string>, stop: { done: boolean }) {
  const times: number[] = []
  while (!stop.done) {
    const started = Date.now()
    await fetch(BASE + path, { headers })
      .then((response) => response.arrayBuffer())
      .catch(() => undefined)
    times.push(Date.now() - started)
    await sleep(100)
  }
  return times
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b)
  return `n ${sorted.length}, p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`
}

async function main(): Promise<void> {
  const stop = { done: false }
  const list = probe("/products?limit=20", { "Accept-Encoding": "gzip" }, stop)
  const health = probe("/health", {}, stop)
  await sleep(1000)
  const started = Date.now()
  const statuses = await Promise.all(
    Array.from({ length: LOGINS }, (_, i) =>
      fetch(`${BASE}/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          email: loadShopperEmail((i % SHOPPERS) + 1),
          password: LOAD_SHOPPER_PASSWORD,
        }),
      }).then((response) => response.status)
    )
  )
  const took = Date.now() - started
  stop.done = true
  process.stdout.write(
    [
      `${LOGINS} logins (statuses ${[...new Set(statuses)].join(", ")}) in ${took} ms`,
      `GET /products?limit=20 (gzip) during the burst: ${summary(await list)}`,
      `GET /health during the burst: ${summary(await health)}`,
    ].join("\n") + "\n"
  )
}

void main()
