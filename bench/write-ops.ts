/**
 * What one write costs, operation by operation (issue 15): CPU of the server process(es) and
 * of the worker apart, PostgreSQL statements (X-SQL-Statements) and Redis commands, for the
 * requests a shopper sends between sign-in and payment. Each phase runs one operation for
 * BENCH_SHOPPERS seeded shoppers (bench/load-seed.ts), one request at a time, then waits
 * BENCH_SETTLE_MS so the worker's share of it (subscribers, webhooks) is counted with it.
 *
 *   BENCH_URL=http://localhost:9300 BENCH_SERVER_PID=<pid of `npm start`> DATABASE_URL=… \
 *     REDIS_URL=redis://localhost:6379/13 npx ts-node --transpile-only bench/write-ops.ts
 *
 * The server must run with SQL_STATEMENT_COUNTER=true and the fake Stripe's settings (the
 * values are printed at start, as in bench/load-scenario.ts). Redis commands are counted with
 * INFO commandstats of the whole Redis server: run nothing else against it meanwhile.
 *
 * Statements per process role, the worker's included (which no response header can carry),
 * come from PostgreSQL's own log when the database logs every statement — set before the
 * server starts, as it applies to new connections:
 *
 *   psql -c "alter database bench_load set log_statement = 'all'"
 *
 * and BENCH_PG_LOG names the log file this script can read (default: Debian's
 * /var/log/postgresql/postgresql-15-main.log). The log line's backend pid is mapped to the
 * connection's application name (`engine-server`, `engine-worker`: src/config/database.ts).
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs"
import { performance } from "node:perf_hooks"
import Redis from "ioredis"
import { Client } from "pg"
import { FakeStripe } from "../integration-tests/support/fake-stripe/server"
import { LOAD_SHOPPER_PASSWORD, loadShopperEmail } from "./load-users"
import { TEST_ADDRESS } from "../integration-tests/helpers/address"
import { cpuMsBetween, sampleCpu, withDescendants } from "./proc-cpu"

const env = process.env
const BASE = env.BENCH_URL ?? "http://localhost:9300"
const SHOPPERS = Number(env.BENCH_SHOPPERS ?? 40)
const SETTLE_MS = Number(env.BENCH_SETTLE_MS ?? 3000)
const STRIPE_PORT = Number(env.BENCH_STRIPE_PORT ?? 12190)
const ROOT_PID = env.BENCH_SERVER_PID ?? ""
const PG_LOG = env.BENCH_PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log"
const PG_DATABASE = new URL(env.DATABASE_URL ?? "postgres://localhost/bench_load").pathname.slice(1)
const ADDRESS = TEST_ADDRESS

type Answer = { status: number; json: Record<string, unknown>; statements: number }

async function call(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(new URL(path, BASE), {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(path === "/cart/checkout" ? { "idempotency-key": crypto.randomUUID() } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    statements: Number(response.headers.get("x-sql-statements") ?? NaN),
  } satisfies Answer
}

/** The supervisor's children, by Medusa mode (read from each process's environment). */
function processesByMode(): Record<"server" | "worker", string[]> {
  const found = { server: [] as string[], worker: [] as string[] }
  for (const pid of withDescendants([ROOT_PID])) {
    if (pid === ROOT_PID) {
      continue
    }
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")
      const mode = environ.find((entry) => entry.startsWith("MEDUSA_WORKER_MODE="))?.split("=")[1]
      found[mode === "worker" ? "worker" : "server"].push(pid)
    } catch {
      // a process that ended
    }
  }
  return found
}

/** The log's size now: where a phase's statements start. */
function logOffset(): number | null {
  try {
    return statSync(PG_LOG).size
  } catch {
    return null
  }
}

/**
 * Statements the database's backends logged since `from`, by the application name of the
 * connection (backends that ended meanwhile count as "ended").
 */
async function statementsByRole(db: Client, from: number | null): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  const to = logOffset()
  if (from === null || to === null || to <= from) {
    return counts
  }
  const buffer = Buffer.alloc(to - from)
  const file = openSync(PG_LOG, "r")
  readSync(file, buffer, 0, buffer.length, from)
  closeSync(file)
  const { rows } = await db.query<{ pid: number; application_name: string }>(
    "select pid, application_name from pg_stat_activity where datname = $1",
    [PG_DATABASE]
  )
  const roleOf = new Map(rows.map((row) => [String(row.pid), row.application_name || "?"]))
  const line = new RegExp(`\\[(\\d+)\\] \\S+@${PG_DATABASE} LOG:  (?:statement|execute [^:]*): `)
  for (const text of buffer.toString("utf8").split("\n")) {
    const match = line.exec(text)
    if (match) {
      const role = roleOf.get(match[1]) ?? "ended"
      counts.set(role, (counts.get(role) ?? 0) + 1)
    }
  }
  return counts
}

async function redisCommands(redis: Redis): Promise<number> {
  const info = await redis.info("commandstats")
  return [...info.matchAll(/calls=(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0)
}

type Row = {
  operation: string
  requests: number
  p50: number
  statements: number
  serverMs: number
  workerMs: number
  redis: number
  /** Per request, from PostgreSQL's log: the server's and the worker's connections. */
  serverLogged?: number
  workerLogged?: number
}

async function phase(
  name: string,
  redis: Redis,
  db: Client,
  jobs: (() => Promise<Answer>)[],
  expected: number[]
): Promise<Row> {
  const { server, worker } = processesByMode()
  const before = { server: sampleCpu(server), worker: sampleCpu(worker) }
  const redisBefore = await redisCommands(redis)
  const logFrom = logOffset()
  const times: number[] = []
  let statements = 0
  for (const job of jobs) {
    const started = performance.now()
    const answer = await job()
    times.push(performance.now() - started)
    if (!expected.includes(answer.status)) {
      throw new Error(`${name}: ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`)
    }
    statements += answer.statements
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  const redisAfter = await redisCommands(redis)
  const logged = await statementsByRole(db, logFrom)
  const after = { server: sampleCpu(server), worker: sampleCpu(worker) }
  times.sort((a, b) => a - b)
  const n = jobs.length
  return {
    operation: name,
    requests: n,
    p50: Math.round(times[Math.floor(n / 2)]),
    statements: Math.round((statements / n) * 10) / 10,
    serverMs: Math.round(cpuMsBetween(before.server, after.server) / n),
    workerMs: Math.round(cpuMsBetween(before.worker, after.worker) / n),
    // INFO's own call is counted once per sample.
    redis: Math.round(((redisAfter - redisBefore - 1) / n) * 10) / 10,
    ...(logged.size
      ? {
          serverLogged: perRequest(
            (logged.get("engine-server") ?? 0) + (logged.get("engine-shared") ?? 0),
            n
          ),
          workerLogged: perRequest(logged.get("engine-worker") ?? 0, n),
        }
      : {}),
  }
}

const perRequest = (total: number, requests: number) => Math.round((total / requests) * 10) / 10

/** Forget the Stripe customers of an earlier fake (bench/load-scenario.ts does the same). */
async function forgetStripeCustomers(): Promise<void> {
  const db = new Client({ connectionString: env.DATABASE_URL })
  await db.connect()
  await db.query(
    `delete from customer_account_holder where account_holder_id in
       (select id from account_holder where provider_id = 'pp_stripe_stripe')`
  )
  await db.query(`delete from account_holder where provider_id = 'pp_stripe_stripe'`)
  await db.end()
}

async function main(): Promise<void> {
  await forgetStripeCustomers()
  const stripe = new FakeStripe({
    apiKey: "sk_test_load",
    webhookSecret: "whsec_load",
    webhookUrl: new URL("/hooks/payment/stripe_stripe", BASE).toString(),
    autoDeliver: true,
  })
  await stripe.start(STRIPE_PORT)
  const redis = new Redis(env.REDIS_URL ?? "redis://localhost:6379")
  const db = new Client({ connectionString: env.DATABASE_URL })
  await db.connect()
  const { rows: logging } = await db.query<{ log_statement: string }>("show log_statement")
  if (logging[0]?.log_statement !== "all" || logOffset() === null) {
    process.stderr.write(
      `statements per role left out: set log_statement = 'all' on ${PG_DATABASE} before the server starts, and BENCH_PG_LOG\n`
    )
  }
  const list = await call("GET", "/products?limit=100&in_stock=true")
  const products = (list.json.items as { id: string }[]).map((product) => product.id)
  const shoppers = Array.from({ length: SHOPPERS }, (_, index) => index + 1)
  const tokens: string[] = []
  const carts: { items: { id: string; quantity: number }[] }[] = []
  const payments: string[] = []
  const rows: Row[] = []
  const each = (job: (index: number) => Promise<Answer>) =>
    shoppers.map((_, index) => () => job(index))

  rows.push(
    await phase(
      "login",
      redis,
      db,
      each(async (index) => {
        const answer = await call("POST", "/auth/login", {
          email: loadShopperEmail(shoppers[index]),
          password: LOAD_SHOPPER_PASSWORD,
        })
        tokens[index] = answer.json.access_token as string
        return answer
      }),
      [200]
    )
  )
  // Start from empty carts (an earlier run may have left lines).
  for (const token of tokens) {
    const cart = await call("GET", "/cart", undefined, token)
    for (const item of (cart.json.items as { id: string }[] | undefined) ?? []) {
      await call("DELETE", `/cart/${item.id}`, undefined, token)
    }
  }
  const add = (offset: number) =>
    each(async (index) => {
      const product = products[(index * 2 + offset) % products.length]
      const answer = await call(
        "POST",
        "/cart/add",
        { product_id: product, quantity: 1 },
        tokens[index]
      )
      carts[index] = answer.json as (typeof carts)[number]
      return answer
    })
  rows.push(await phase("cart add (first line)", redis, db, add(0), [200]))
  rows.push(await phase("cart add (second line)", redis, db, add(1), [200]))
  rows.push(
    await phase(
      "cart update",
      redis,
      db,
      each((index) => {
        const line = carts[index].items[0]
        return call("PUT", `/cart/${line.id}`, { quantity: line.quantity + 1 }, tokens[index])
      }),
      [200]
    )
  )
  rows.push(
    await phase(
      "cart view",
      redis,
      db,
      each((index) => call("GET", "/cart", undefined, tokens[index])),
      [200]
    )
  )
  rows.push(
    await phase(
      "checkout",
      redis,
      db,
      each(async (index) => {
        const answer = await call(
          "POST",
          "/cart/checkout",
          { shipping_address: ADDRESS },
          tokens[index]
        )
        payments[index] = (answer.json.payment as { id: string }).id
        return answer
      }),
      [201]
    )
  )
  rows.push(
    await phase(
      "payment confirm",
      redis,
      db,
      each((index) =>
        call(
          "POST",
          "/payments/confirm",
          { payment_id: payments[index], payment_method_id: "pm_card_visa" },
          tokens[index]
        )
      ),
      [200]
    )
  )
  await redis.quit()
  await db.end()
  await stripe.stop()

  const lines = [
    `${SHOPPERS} shoppers, one request at a time, ${SETTLE_MS} ms settle per phase`,
    "",
    "| operation | requests | p50 ms | SQL statements (header) | logged: server | logged: worker (after it) | server CPU ms | worker CPU ms (after it) | Redis commands |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.operation} | ${row.requests} | ${row.p50} | ${row.statements} | ${row.serverLogged ?? "–"} | ${row.workerLogged ?? "–"} | ${row.serverMs} | ${row.workerMs} | ${row.redis} |`
    ),
  ]
  process.stdout.write(`${lines.join("\n")}\n`)
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`)
  process.exit(1)
})
