/**
 * The 1,000-user scenario (issue 15, docs/PERFORMANCE.md "1,000-user scenario"): a shop with
 * BENCH_BROWSERS anonymous visitors and BENCH_SHOPPERS signed-in shoppers, each a virtual
 * user that waits 2–8 s (BENCH_THINK_MIN/MAX) between actions, for BENCH_DURATION seconds,
 * against a running built server whose database was seeded by bench/load-seed.ts:
 *
 *   BENCH_URL=http://localhost:9300 DATABASE_URL=postgres://…/bench_load npx ts-node bench/load-scenario.ts
 *
 * Visitors (anonymous) land on the product list, then browse: list pages with filters and
 * sorts, searches with typos, product pages (the product and its reviews, fetched together
 * as a page would). Shoppers sign up (BENCH_SIGNUP_SHARE of them: POST /auth/register, then
 * login) or log in to a seeded account, empty what their cart held from an earlier run, then
 * shop in rounds: browse in-stock products, add 1–3 of them, sometimes change a quantity,
 * look at the cart, and check out (BENCH_CHECKOUT_SHARE of the rounds; the rest abandon the
 * cart and browse on) with POST /cart/checkout, then pay with POST /payments/confirm and
 * Stripe's test card. Users arrive spread over the first BENCH_RAMP seconds.
 *
 * Payments go to a fake Stripe this script runs (integration-tests/support/fake-stripe) on
 * BENCH_STRIPE_PORT with the key and webhook secret below; the server must be started with
 * STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_API_URL pointing at it (the values are
 * printed at start), and the fake delivers its signed webhooks to the server as Stripe does.
 * A new fake knows none of the Stripe customers of an earlier run, so the script first
 * deletes the Stripe account holders from the (bench) database.
 *
 * Every request is timed from sending to reading the whole body (node:http, keep-alive,
 * one socket pool for all users, up to BENCH_SOCKETS sockets). Reported per step: p50, p95,
 * p99, errors (an unexpected status, a network error or a time-out; 409 stock refusals of
 * cart adds and checkouts are counted apart as refusals, they are the shop working) and the
 * SQL statements per request (X-SQL-Statements, when the server runs with
 * SQL_STATEMENT_COUNTER=true). The `/health` floor is measured in the same run: a probe
 * sends GET /health every BENCH_HEALTH_INTERVAL_MS while the users shop, and 200 sequential
 * requests before they arrive.
 *
 * Afterwards (BENCH_SETTLE seconds later, so webhooks are handled) it checks in PostgreSQL
 * (DATABASE_URL): no inventory level has negative stock or reserves more than it stocks, no
 * item's reservations exceed its stock, and every order placed in the run has exactly one
 * captured payment and one succeeded attempt; and at the fake Stripe that no order was
 * charged twice. It exits 1 when a check fails.
 */
import { randomUUID } from "node:crypto"
import http from "node:http"
import { monitorEventLoopDelay, performance } from "node:perf_hooks"
import { loadavg } from "node:os"
import { Client } from "pg"
import { FakeStripe } from "../integration-tests/support/fake-stripe/server"
import { TYPO_QUERIES } from "./catalog-words"
import { LOAD_SHOPPER_PASSWORD, loadShopperEmail } from "./load-users"
import { TEST_ADDRESS } from "../integration-tests/helpers/address"
import { backendsOf, cpuMsBetween, sampleCpu, withDescendants } from "./proc-cpu"
import { withoutAutovacuum } from "./autovacuum"

const env = process.env
const BASE = new URL(env.BENCH_URL ?? "http://localhost:9300")
const BROWSERS = Number(env.BENCH_BROWSERS ?? 900)
const SHOPPERS = Number(env.BENCH_SHOPPERS ?? 100)
const DURATION_S = Number(env.BENCH_DURATION ?? 120)
const RAMP_S = Number(env.BENCH_RAMP ?? 15)
const THINK_MIN_MS = Number(env.BENCH_THINK_MIN ?? 2) * 1000
const THINK_MAX_MS = Number(env.BENCH_THINK_MAX ?? 8) * 1000
const SIGNUP_SHARE = Number(env.BENCH_SIGNUP_SHARE ?? 0.2)
const CHECKOUT_SHARE = Number(env.BENCH_CHECKOUT_SHARE ?? 0.75)
const SOCKETS = Number(env.BENCH_SOCKETS ?? 1000)
const TIMEOUT_MS = Number(env.BENCH_TIMEOUT ?? 60) * 1000
const HEALTH_INTERVAL_MS = Number(env.BENCH_HEALTH_INTERVAL_MS ?? 250)
const SETTLE_S = Number(env.BENCH_SETTLE ?? 15)
const STRIPE_PORT = Number(env.BENCH_STRIPE_PORT ?? 12190)
const STRIPE_KEY = "sk_test_load"
const STRIPE_WEBHOOK_SECRET = "whsec_load"
const DATABASE_URL = env.BENCH_DATABASE_URL ?? env.DATABASE_URL
const SEED = Number(env.BENCH_SEED ?? 1)
/** Same machine only: the server's pid(s) (with their descendants) and its database's name. */
const SERVER_PIDS = (env.BENCH_SERVER_PID ?? "").split(",").filter(Boolean)
const PG_DATABASE =
  env.BENCH_PG_DATABASE ?? (DATABASE_URL ? new URL(DATABASE_URL).pathname.slice(1) : "")
/** The card every shopper pays with (the fake's always-succeeding Visa). */
const CARD = "pm_card_visa"
const EXACT_QUERIES = ["wireless mouse", "desk lamp", "hiking boots", "coffee mug", "backpack"]
const SORTS = ["newest", "price_asc", "price_desc", "name", "rating"]
const ADDRESS = TEST_ADDRESS

// --- randomness (seeded, so two runs make the same choices in the same order) ---

let state = SEED >>> 0
function random(): number {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0
  return state / 2 ** 32
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const chance = (p: number) => random() < p
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// --- HTTP ---

const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS, maxFreeSockets: SOCKETS })

type Response = { status: number; body: string; statements: number | null; ms: number }

/** Requests re-sent because the server had closed the idle keep-alive socket they went out on. */
let resent = 0

/**
 * One request. A request that fails with a reset on a reused keep-alive socket (the server
 * closed it after its keep-alive timeout just as the request went out) is sent once more on a
 * new socket, as browsers do; it is timed from the first try.
 */
async function request(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown
): Promise<Response> {
  const started = performance.now()
  try {
    return await requestOnce(method, path, headers, body, started)
  } catch (error) {
    if (!(error instanceof ReusedSocketError)) {
      throw error
    }
    resent += 1
    return requestOnce(method, path, headers, body, started)
  }
}

class ReusedSocketError extends Error {}

function requestOnce(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
  started: number
): Promise<Response> {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname: BASE.hostname,
        port: BASE.port,
        method,
        path,
        timeout: TIMEOUT_MS,
        headers: payload
          ? {
              ...headers,
              "content-type": "application/json",
              "content-length": Buffer.byteLength(payload),
            }
          : headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (chunk: Buffer) => chunks.push(chunk))
        res.on("error", reject)
        res.on("end", () => {
          const header = res.headers["x-sql-statements"]
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            statements: typeof header === "string" ? Number(header) : null,
            ms: performance.now() - started,
          })
        })
      }
    )
    req.on("timeout", () => req.destroy(new Error(`timed out after ${TIMEOUT_MS} ms`)))
    req.on("error", (error: NodeJS.ErrnoException) => {
      const closedByServer = error.code === "ECONNRESET" || error.code === "EPIPE"
      reject(req.reusedSocket && closedByServer ? new ReusedSocketError(error.message) : error)
    })
    req.end(payload)
  })
}

// --- per-step statistics ---

type Step = {
  times: number[]
  statements: number[]
  errors: number
  refused: number
  statuses: Map<number, number>
  /** The first failure of each status (0: no answer), for the report. */
  firstErrors: Map<number, string>
}

const steps = new Map<string, Step>()
/** Latencies answered since the last progress line (its per-window p95 and maximum). */
const windowTimes: number[] = []
let measuring = true

function stepOf(name: string): Step {
  let step = steps.get(name)
  if (!step) {
    step = {
      times: [],
      statements: [],
      errors: 0,
      refused: 0,
      statuses: new Map(),
      firstErrors: new Map(),
    }
    steps.set(name, step)
  }
  return step
}

type Json = Record<string, unknown>
type Call = {
  method: string
  path: string
  headers?: Record<string, string>
  body?: unknown
  /** Statuses that are a success. */
  ok: number[]
  /** Statuses that are a legitimate refusal (stock ran out), not an error. */
  refusal?: number[]
}

/** One timed request of a step; answers the parsed body, or null when it failed. */
async function send(name: string, call: Call): Promise<{ status: number; json: Json } | null> {
  const step = stepOf(name)
  let response: Response
  try {
    response = await request(call.method, call.path, call.headers, call.body)
  } catch (error) {
    if (measuring) {
      step.errors += 1
      step.statuses.set(0, (step.statuses.get(0) ?? 0) + 1)
      if (!step.firstErrors.has(0)) {
        step.firstErrors.set(0, `${call.method} ${call.path}: ${String(error)}`)
      }
    }
    return null
  }
  let json: Json = {}
  try {
    json = response.body ? (JSON.parse(response.body) as Json) : {}
  } catch {
    // not JSON (GET /health answers "OK")
  }
  if (measuring) {
    step.times.push(response.ms)
    windowTimes.push(response.ms)
    step.statuses.set(response.status, (step.statuses.get(response.status) ?? 0) + 1)
    if (response.statements !== null) {
      step.statements.push(response.statements)
    }
    if (call.refusal?.includes(response.status)) {
      step.refused += 1
    } else if (!call.ok.includes(response.status)) {
      step.errors += 1
      if (!step.firstErrors.has(response.status)) {
        step.firstErrors.set(
          response.status,
          `${call.method} ${call.path} → ${response.status}: ${response.body.slice(0, 200)}`
        )
      }
    }
  }
  return call.ok.includes(response.status) || call.refusal?.includes(response.status)
    ? { status: response.status, json }
    : null
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) {
    return NaN
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

// --- what the users do ---

type ProductRef = { id: string; in_stock: boolean }
type Catalog = { categories: string[]; products: ProductRef[] }

let deadline = 0
let runStartedAt = new Date()
const now = () => performance.now()
const active = () => now() < deadline
const think = () => sleep(between(THINK_MIN_MS, THINK_MAX_MS))

function listPath(catalog: Catalog, inStockOnly: boolean): string {
  const query = new URLSearchParams({ limit: "20", offset: String(20 * between(0, 4)) })
  if (chance(0.4)) {
    query.set("category_id", pick(catalog.categories))
  }
  if (chance(0.5)) {
    query.set("sort", pick(SORTS))
  }
  if (chance(0.15)) {
    query.set("min_price", String(between(0, 3) * 100))
    query.set("max_price", String(between(4, 8) * 100))
  }
  if (inStockOnly || chance(0.2)) {
    query.set("in_stock", "true")
  }
  return `/products?${query}`
}

function searchPath(catalog: Catalog, inStockOnly: boolean): string {
  const query = new URLSearchParams({
    q: chance(0.6) ? pick(TYPO_QUERIES) : pick(EXACT_QUERIES),
    limit: "20",
  })
  if (chance(0.2)) {
    query.set("category_id", pick(catalog.categories))
  }
  if (chance(0.2)) {
    query.set("sort", pick(["relevance", "price_asc", "rating"]))
  }
  if (inStockOnly) {
    query.set("in_stock", "true")
  }
  return `/products/search?${query}`
}

function productsOf(json: Json): ProductRef[] {
  const items = (json.items ?? []) as { id: string; in_stock: boolean }[]
  return items.map((item) => ({ id: item.id, in_stock: item.in_stock }))
}

/** A list page or a search; answers the products shown. */
async function browse(
  catalog: Catalog,
  headers: Record<string, string>,
  inStockOnly = false
): Promise<ProductRef[]> {
  const search = chance(0.35)
  const result = search
    ? await send("search", {
        method: "GET",
        path: searchPath(catalog, inStockOnly),
        headers,
        ok: [200],
      })
    : await send("browse (list)", {
        method: "GET",
        path: listPath(catalog, inStockOnly),
        headers,
        ok: [200],
      })
  return result ? productsOf(result.json) : []
}

/** A product page: the product and its reviews, requested together. */
async function productPage(id: string, headers: Record<string, string>): Promise<boolean> {
  const [product] = await Promise.all([
    send("product page", { method: "GET", path: `/products/${id}`, headers, ok: [200] }),
    send("product reviews", {
      method: "GET",
      path: `/products/${id}/reviews?limit=10`,
      headers,
      ok: [200],
    }),
  ])
  return Boolean(product && product.json.in_stock)
}

async function visitor(catalog: Catalog): Promise<void> {
  let shown = productsOf(
    (await send("browse (list)", { method: "GET", path: "/products?limit=20", ok: [200] }))?.json ??
      {}
  )
  while (active()) {
    await think()
    if (!active()) {
      break
    }
    const roll = random()
    if (roll < 0.45) {
      const source = shown.length ? shown : catalog.products
      await productPage(pick(source).id, {})
    } else {
      const page = await browse(catalog, {})
      if (page.length) {
        shown = page
      }
    }
  }
}

type Cart = { items: { id: string; product_id: string; quantity: number }[] }

/** What the shoppers' orders became: checked against the database afterwards. */
const placed: { orderId: string; paymentId: string; paid: boolean }[] = []

async function signIn(index: number, runId: string): Promise<Record<string, string> | null> {
  let email = loadShopperEmail(index)
  let password = LOAD_SHOPPER_PASSWORD
  if (chance(SIGNUP_SHARE)) {
    email = `load-signup-${runId}-${index}@bench.test`
    password = `signup-${runId}-password`
    const registered = await send("sign-up", {
      method: "POST",
      path: "/auth/register",
      body: {
        email,
        username: `su_${runId}_${index}`,
        password,
        first_name: "New",
        last_name: "Shopper",
      },
      ok: [201],
    })
    if (!registered) {
      return null
    }
    await think()
  }
  const login = await send("login", {
    method: "POST",
    path: "/auth/login",
    body: { email, password },
    ok: [200],
  })
  const token = login?.json.access_token
  return typeof token === "string" ? { authorization: `Bearer ${token}` } : null
}

async function emptyCart(headers: Record<string, string>): Promise<void> {
  const cart = await send("cart view", { method: "GET", path: "/cart", headers, ok: [200] })
  for (const item of (cart?.json as Cart | undefined)?.items ?? []) {
    await send("cart remove", { method: "DELETE", path: `/cart/${item.id}`, headers, ok: [200] })
  }
}

/** One shopping round: browse, add, maybe change, look at the cart, check out and pay. */
async function shoppingRound(catalog: Catalog, headers: Record<string, string>): Promise<void> {
  let cart: Cart | null = null
  const wanted = between(1, 3)
  let attempts = 0
  while (active() && (cart?.items.length ?? 0) < wanted && attempts++ < wanted + 3) {
    const shown = (await browse(catalog, headers, true)).filter((p) => p.in_stock)
    await think()
    if (!active() || !shown.length) {
      continue
    }
    const product = pick(shown)
    if (!(await productPage(product.id, headers))) {
      continue
    }
    await think()
    const added = await send("cart add", {
      method: "POST",
      path: "/cart/add",
      headers,
      body: { product_id: product.id, quantity: 1 },
      ok: [200],
      refusal: [409],
    })
    if (added?.status === 200) {
      cart = added.json as Cart
    }
    await think()
  }
  if (!active() || !cart?.items.length) {
    return
  }
  if (chance(0.5)) {
    const line = pick(cart.items)
    const updated = await send("cart update", {
      method: "PUT",
      path: `/cart/${line.id}`,
      headers,
      body: { quantity: line.quantity + 1 },
      ok: [200],
      refusal: [409],
    })
    if (updated?.status === 200) {
      cart = updated.json as Cart
    }
    await think()
  }
  await send("cart view", { method: "GET", path: "/cart", headers, ok: [200] })
  if (!chance(CHECKOUT_SHARE) || !active()) {
    return // abandoned: the cart stays for the next round
  }
  await think()
  const checkout = await send("checkout", {
    method: "POST",
    path: "/cart/checkout",
    headers: { ...headers, "idempotency-key": randomUUID() },
    body: { shipping_address: ADDRESS },
    ok: [201],
    refusal: [409],
  })
  if (checkout?.status !== 201) {
    if (checkout?.status === 409) {
      await emptyCart(headers) // sold out meanwhile: start again
    }
    return
  }
  const order = checkout.json.order as { id: string }
  const payment = checkout.json.payment as { id: string }
  const entry = { orderId: order.id, paymentId: payment.id, paid: false }
  placed.push(entry)
  await think() // entering the card
  const confirmed = await send("payment confirm", {
    method: "POST",
    path: "/payments/confirm",
    headers,
    body: { payment_id: payment.id, payment_method_id: CARD },
    ok: [200],
  })
  entry.paid = confirmed?.json.status === "succeeded"
}

async function shopper(catalog: Catalog, index: number, runId: string): Promise<void> {
  const headers = await signIn(index, runId)
  if (!headers) {
    return
  }
  await think()
  await emptyCart(headers)
  while (active()) {
    await think()
    await shoppingRound(catalog, headers)
  }
}

/** PostgreSQL connections of the database by state, sampled every 2 s while the users shop. */
const connectionSamples: Record<string, number>[] = []

/** How often the stand-in for autovacuum's analyze runs (BENCH_ANALYZE_EVERY, seconds). */
const ANALYZE_EVERY_S = Number(env.BENCH_ANALYZE_EVERY ?? 15)
let analyzeRuns = 0
let vacuumRuns = 0

/**
 * PostgreSQL's autovacuum analyzes a table once 50 rows + 10 % of it changed, so the
 * planner knows how many orders, items and payments there are. Some machines run it off
 * (this one's CI configuration does): the order tables then grow from empty during the run
 * with no statistics, the planner keeps nested-loop plans made for empty tables, and the
 * worker's order reads (verified purchases: orders × items × lines) took 20–45 s each about
 * 130 s into the run, filled its connection pool and stalled everything
 * (docs/PERFORMANCE.md). With autovacuum off, this runs `ANALYZE` of the bench database
 * every ANALYZE_EVERY_S seconds instead, and `VACUUM` of each table past autovacuum's
 * threshold, as autovacuum would in production, and says so.
 */
async function analyzeProbe(): Promise<void> {
  if (ANALYZE_EVERY_S <= 0) {
    return
  }
  await withoutAutovacuum(DATABASE_URL, async (db) => {
    process.stderr.write(
      `autovacuum is off on this PostgreSQL: ANALYZE every ${ANALYZE_EVERY_S} s, and VACUUM of the tables past its threshold, instead, as autovacuum would\n`
    )
    while (active()) {
      await sleep(ANALYZE_EVERY_S * 1000)
      // Autovacuum's vacuum trigger (50 dead rows + 20 % of the live ones), per table: the
      // rows the checkouts update (stock levels, catalog rows) leave dead versions behind.
      const { rows } = await db.query<{ command: string }>(
        `select format('vacuum %I.%I', schemaname, relname) as command
           from pg_stat_user_tables
          where n_dead_tup > 50 + 0.2 * n_live_tup`
      )
      for (const { command } of rows) {
        await db.query(command)
        vacuumRuns++
      }
      await db.query("analyze")
      analyzeRuns++
    }
  })
}

async function connectionProbe(): Promise<void> {
  if (!DATABASE_URL || !PG_DATABASE) {
    return
  }
  const db = new Client({ connectionString: DATABASE_URL })
  await db.connect()
  try {
    while (active()) {
      const { rows } = await db.query<{ state: string; n: string }>(
        `select coalesce(state, '?') as state, count(*) as n from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() group by state`,
        [PG_DATABASE]
      )
      connectionSamples.push(Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])))
      await sleep(2000)
    }
  } finally {
    await db.end()
  }
}

function connectionSummary(): string {
  if (!connectionSamples.length) {
    return "(no connection samples)"
  }
  const states = [...new Set(connectionSamples.flatMap((sample) => Object.keys(sample)))].sort()
  return (
    `PostgreSQL connections of ${PG_DATABASE} (mean / max of ${connectionSamples.length} samples): ` +
    states
      .map((state) => {
        const values = connectionSamples.map((sample) => sample[state] ?? 0)
        const mean = values.reduce((sum, n) => sum + n, 0) / values.length
        return `${state} ${mean.toFixed(1)} / ${Math.max(...values)}`
      })
      .join(", ")
  )
}

async function healthProbe(): Promise<void> {
  while (active()) {
    await send("GET /health (floor, under load)", { method: "GET", path: "/health", ok: [200] })
    await sleep(HEALTH_INTERVAL_MS)
  }
}

// --- set-up and checks ---

async function loadCatalog(): Promise<Catalog> {
  const products: ProductRef[] = []
  // By cursor: offsets stop at 1,000.
  for (let cursor = ""; ;) {
    const response = await request("GET", `/products?limit=100${cursor && `&cursor=${cursor}`}`)
    const body = JSON.parse(response.body) as Json
    products.push(...productsOf(body))
    if (typeof body.next_cursor !== "string") {
      break
    }
    cursor = body.next_cursor
  }
  const tree = JSON.parse((await request("GET", "/products/categories")).body) as {
    categories: { id: string; children?: unknown[] }[]
  }
  const categories = tree.categories.map((c) => c.id)
  if (!products.length || !categories.length) {
    throw new Error("no products or categories: run bench/load-seed.ts first")
  }
  return { categories, products }
}

type Check = { name: string; failures: number; detail: string }

async function checkDatabase(stripe: FakeStripe | null): Promise<Check[]> {
  if (!DATABASE_URL) {
    return [
      { name: "database checks", failures: 1, detail: "set DATABASE_URL (or BENCH_DATABASE_URL)" },
    ]
  }
  const db = new Client({ connectionString: DATABASE_URL })
  await db.connect()
  try {
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await db.query<{ n: string }>(sql, params)).rows[0].n)
    const orderIds = placed.map((p) => p.orderId)
    const checks: Check[] = []
    const negative = await count(
      `select count(*) as n from inventory_level where deleted_at is null
         and (stocked_quantity < 0 or reserved_quantity < 0 or reserved_quantity > stocked_quantity)`
    )
    checks.push({
      name: "inventory levels with negative stock or reserved > stocked",
      failures: negative,
      detail: `${await count("select count(*) as n from inventory_level where deleted_at is null")} levels`,
    })
    const overReserved = await count(
      `select count(*) as n from (
         select r.inventory_item_id from reservation_item r
          where r.deleted_at is null
          group by r.inventory_item_id
         having sum(r.quantity) > (select coalesce(sum(l.stocked_quantity), 0) from inventory_level l
                                    where l.inventory_item_id = r.inventory_item_id and l.deleted_at is null)
       ) x`
    )
    checks.push({
      name: "inventory items whose reservations exceed their stock",
      failures: overReserved,
      detail: `${await count("select count(*) as n from reservation_item where deleted_at is null")} reservations`,
    })
    const captured = await db.query<{
      order_id: string
      captured: string
      succeeded: string
      status: string
    }>(
      `select o.id as order_id,
              (select count(*) from order_payment_collection opc
                 join payment p on p.payment_collection_id = opc.payment_collection_id
                where opc.order_id = o.id and opc.deleted_at is null and p.deleted_at is null
                  and p.captured_at is not null and p.canceled_at is null) as captured,
              (select count(*) from payment_attempt a
                where a.order_id = o.id and a.deleted_at is null and a.status = 'succeeded') as succeeded,
              coalesce((select l.status from order_lifecycle l where l.order_id = o.id and l.deleted_at is null limit 1), '?') as status
         from "order" o where o.id = any($1)`,
      [orderIds]
    )
    const confirmed = new Set(placed.filter((p) => p.paid).map((p) => p.orderId))
    const wrong = captured.rows.filter((row) =>
      confirmed.has(row.order_id)
        ? Number(row.captured) !== 1 || Number(row.succeeded) !== 1 || row.status !== "paid"
        : Number(row.captured) > 1 || Number(row.succeeded) > 1
    )
    checks.push({
      name: "orders without exactly one captured payment and succeeded attempt (paid ones), or with more than one (any)",
      failures: wrong.length + (orderIds.length - captured.rows.length),
      detail:
        `${orderIds.length} orders placed, ${confirmed.size} confirmed, ` +
        `${captured.rows.filter((r) => r.status === "paid").length} paid` +
        (wrong.length ? `; e.g. ${JSON.stringify(wrong[0])}` : ""),
    })
    // Checkouts whose answer never arrived (client time-out) may still have placed an order.
    const unseen = await db.query<{ id: string; captured: string }>(
      `select o.id,
              (select count(*) from order_payment_collection opc
                 join payment p on p.payment_collection_id = opc.payment_collection_id
                where opc.order_id = o.id and p.captured_at is not null) as captured
         from "order" o
        where o.created_at >= $1 and o.email like 'load-%@bench.test' and not (o.id = any($2))`,
      [runStartedAt, orderIds]
    )
    checks.push({
      name: "orders placed by checkouts whose answer never came (time-outs), charged",
      failures: unseen.rows.filter((row) => Number(row.captured) > 0).length,
      detail: `${unseen.rows.length} such orders (pending, their stock held until ORDER_HOLD_MINUTES)`,
    })
    if (stripe) {
      const sessions = await db.query<{ session_id: string; order_id: string }>(
        `select session_id, order_id from payment_attempt where order_id = any($1)`,
        [orderIds]
      )
      const orderOfSession = new Map(sessions.rows.map((r) => [r.session_id, r.order_id]))
      const intentsPerOrder = new Map<string, Set<string>>()
      for (const event of stripe.eventsOf("payment_intent.succeeded")) {
        const intent = event.data.object as { id: string; metadata?: Record<string, string> }
        const order = orderOfSession.get(intent.metadata?.session_id ?? "")
        if (order) {
          intentsPerOrder.set(order, (intentsPerOrder.get(order) ?? new Set()).add(intent.id))
        }
      }
      const twice = [...intentsPerOrder.values()].filter((intents) => intents.size > 1).length
      const missing = [...confirmed].filter((id) => !intentsPerOrder.has(id)).length
      checks.push({
        name: "orders charged more than once at Stripe, or confirmed without a succeeded intent",
        failures: twice + missing,
        detail: `${intentsPerOrder.size} orders with a succeeded intent; ${twice} charged twice, ${missing} confirmed without one`,
      })
    }
    return checks
  } finally {
    await db.end()
  }
}

/**
 * A fake Stripe starts empty: the Stripe customers an earlier run made (Medusa's account
 * holders, one per customer who paid) do not exist in it, and creating an intent for one
 * fails ("No such customer"). So before a run with a new fake, the bench database forgets
 * them; Medusa makes new ones at the next checkout, as for a first purchase.
 */
async function forgetStripeCustomers(): Promise<number> {
  if (!DATABASE_URL) {
    return 0
  }
  const db = new Client({ connectionString: DATABASE_URL })
  await db.connect()
  try {
    await db.query("begin")
    await db.query(
      `delete from customer_account_holder where account_holder_id in
         (select id from account_holder where provider_id = 'pp_stripe_stripe')`
    )
    const { rowCount } = await db.query(
      `delete from account_holder where provider_id = 'pp_stripe_stripe'`
    )
    await db.query("commit")
    return rowCount ?? 0
  } finally {
    await db.end()
  }
}

// --- the report ---

function row(name: string, step: Step, floor: number | null): string {
  const sorted = [...step.times].sort((a, b) => a - b)
  const statuses = [...step.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(" ")
  const statements = step.statements.length
    ? (step.statements.reduce((sum, n) => sum + n, 0) / step.statements.length).toFixed(0)
    : "–"
  const p50 = percentile(sorted, 50)
  const cells = [
    name,
    [...step.statuses.values()].reduce((sum, n) => sum + n, 0),
    p50.toFixed(0),
    percentile(sorted, 95).toFixed(0),
    percentile(sorted, 99).toFixed(0),
    (sorted[sorted.length - 1] ?? NaN).toFixed(0),
    floor ? (p50 / floor).toFixed(1) : "–",
    step.errors,
    step.refused,
    statements,
    statuses,
  ]
  return `| ${cells.join(" | ")} |`
}

async function main(): Promise<void> {
  const runId = Date.now().toString(36)
  const stripe =
    env.BENCH_FAKE_STRIPE === "false"
      ? null
      : new FakeStripe({
          apiKey: STRIPE_KEY,
          webhookSecret: STRIPE_WEBHOOK_SECRET,
          webhookUrl: new URL("/hooks/payment/stripe_stripe", BASE).toString(),
          autoDeliver: true,
        })
  if (stripe) {
    const forgotten = await forgetStripeCustomers()
    if (forgotten) {
      process.stderr.write(`forgot ${forgotten} Stripe customers of an earlier fake Stripe\n`)
    }
    await stripe.start(STRIPE_PORT)
    process.stderr.write(
      `fake Stripe on ${stripe.url}: the server needs STRIPE_API_KEY=${STRIPE_KEY} ` +
        `STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET} STRIPE_API_URL=${stripe.url}\n`
    )
  }
  const catalog = await loadCatalog()
  process.stderr.write(
    `${catalog.products.length} products, ${catalog.categories.length} categories; ` +
      `${BROWSERS} visitors + ${SHOPPERS} shoppers, ${DURATION_S} s (ramp ${RAMP_S} s), think ` +
      `${THINK_MIN_MS / 1000}–${THINK_MAX_MS / 1000} s\n`
  )

  // The idle floor: sequential GET /health before anyone arrives (after a short warm-up).
  for (let i = 0; i < 20; i++) {
    await request("GET", "/health")
  }
  for (let i = 0; i < 200; i++) {
    await send("GET /health (floor, idle, sequential)", {
      method: "GET",
      path: "/health",
      ok: [200],
    })
  }

  const lag = monitorEventLoopDelay({ resolution: 10 })
  lag.enable()
  const loadBefore = loadavg()[0]
  const serverPids = () => withDescendants(SERVER_PIDS)
  const databasePids = () => (PG_DATABASE ? backendsOf(PG_DATABASE) : [])
  const driverBefore = process.cpuUsage()
  const serverBefore = sampleCpu(serverPids())
  const databaseBefore = sampleCpu(databasePids())
  runStartedAt = new Date()
  const started = now()
  deadline = started + DURATION_S * 1000
  const users: Promise<void>[] = [healthProbe(), connectionProbe(), analyzeProbe()]
  const total = BROWSERS + SHOPPERS
  // Shoppers arrive among the visitors: every stride-th user, the first SHOPPERS of them.
  const stride = SHOPPERS ? Math.floor(total / SHOPPERS) : Infinity
  for (let i = 0; i < total; i++) {
    const isShopper = i % stride === 0 && i / stride < SHOPPERS
    users.push(
      sleep((RAMP_S * 1000 * i) / total).then(() =>
        isShopper ? shopper(catalog, i / stride, runId) : visitor(catalog)
      )
    )
  }
  const progress = setInterval(() => {
    const done = [...steps.values()].reduce((sum, s) => sum + s.times.length, 0)
    // The window's own latencies show when a stall happened, which the totals hide.
    const window = windowTimes.splice(0).sort((a, b) => a - b)
    const p95 = window.length ? window[Math.floor(0.95 * (window.length - 1))] : 0
    process.stderr.write(
      `${((now() - started) / 1000).toFixed(0)} s: ${done} requests, ${placed.length} orders, ` +
        `last 10 s p95 ${p95.toFixed(0)} ms max ${(window.at(-1) ?? 0).toFixed(0)} ms, load ${loadavg()[0].toFixed(1)}\n`
    )
  }, 10_000)
  await Promise.all(users)
  clearInterval(progress)
  measuring = false
  const seconds = (now() - started) / 1000
  const serverCpu = cpuMsBetween(serverBefore, sampleCpu(serverPids())) / 1000
  const databaseCpu = cpuMsBetween(databaseBefore, sampleCpu(databasePids())) / 1000
  const driverUsage = process.cpuUsage(driverBefore)
  const driverCpu = (driverUsage.user + driverUsage.system) / 1e6
  lag.disable()
  const loadAfter = loadavg()[0]

  process.stderr.write(`waiting ${SETTLE_S} s for webhooks and events before the checks\n`)
  await sleep(SETTLE_S * 1000)
  const checks = await checkDatabase(stripe)
  if (stripe) {
    await stripe.stop()
  }
  agent.destroy()

  const underLoad = steps.get("GET /health (floor, under load)")
  const floor = underLoad
    ? percentile(
        [...underLoad.times].sort((a, b) => a - b),
        50
      )
    : null
  const userSteps = [...steps.entries()].filter(([name]) => !name.startsWith("GET /health"))
  const overall: Step = {
    times: [],
    statements: [],
    errors: 0,
    refused: 0,
    statuses: new Map(),
    firstErrors: new Map(),
  }
  for (const [, step] of userSteps) {
    overall.times.push(...step.times)
    overall.statements.push(...step.statements)
    overall.errors += step.errors
    overall.refused += step.refused
    step.statuses.forEach((n, status) =>
      overall.statuses.set(status, (overall.statuses.get(status) ?? 0) + n)
    )
  }
  const order = [
    "browse (list)",
    "search",
    "product page",
    "product reviews",
    "sign-up",
    "login",
    "cart view",
    "cart add",
    "cart update",
    "cart remove",
    "checkout",
    "payment confirm",
  ]
  const sortedSteps = userSteps.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
  const lines = [
    "",
    `${BROWSERS} visitors + ${SHOPPERS} shoppers, ${seconds.toFixed(0)} s, ` +
      `${(overall.times.length / seconds).toFixed(0)} requests/s, ${placed.length} orders ` +
      `(${placed.filter((p) => p.paid).length} paid); load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}; ` +
      `driver event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms; ` +
      `${resent} requests re-sent on a new socket (keep-alive socket closed by the server)` +
      (analyzeRuns
        ? `; ANALYZE run ${analyzeRuns} times, VACUUM of a table ${vacuumRuns} times (autovacuum off)`
        : ""),
    SERVER_PIDS.length
      ? `CPU during the run: server processes ${serverCpu.toFixed(0)} s ` +
        `(${(serverCpu / seconds).toFixed(2)} cores), PostgreSQL backends of ${PG_DATABASE} ` +
        `${databaseCpu.toFixed(0)} s (${(databaseCpu / seconds).toFixed(2)} cores), this driver ` +
        `(and the fake Stripe) ${driverCpu.toFixed(0)} s (${(driverCpu / seconds).toFixed(2)} cores)`
      : "(BENCH_SERVER_PID unset: no CPU accounting)",
    connectionSummary(),
    "",
    "| step | requests | p50 ms | p95 ms | p99 ms | max ms | p50 ÷ /health p50 | errors | refused (409) | SQL statements/request | statuses |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...sortedSteps.map(([name, step]) => row(name, step, floor)),
    row("**all user requests**", overall, floor),
    ...[...steps.entries()]
      .filter(([name]) => name.startsWith("GET /health"))
      .map(([name, step]) => row(name, step, floor)),
    "",
    "| check | failures | detail |",
    "|---|---|---|",
    ...checks.map((c) => `| ${c.name} | ${c.failures} | ${c.detail} |`),
    "",
  ]
  const overallP95 = percentile(
    [...overall.times].sort((a, b) => a - b),
    95
  )
  const checkoutTimes = [...(steps.get("checkout")?.times ?? [])].sort((a, b) => a - b)
  lines.push(
    `Targets: overall p95 ${overallP95.toFixed(0)} ms (< 100), checkout p95 ` +
      `${percentile(checkoutTimes, 95).toFixed(0)} ms (< 300), errors ${overall.errors} (0).`,
    ""
  )
  for (const [name, step] of steps) {
    for (const detail of step.firstErrors.values()) {
      lines.push(`first error of ${name}: ${detail}`)
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`)
  if (checks.some((c) => c.failures > 0)) {
    process.stderr.write("a check failed\n")
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exit(1)
})
