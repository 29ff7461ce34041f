/**
 * Checkout latency and throughput at 1, 10 and 50 concurrent customers, against a running
 * built server whose database was seeded by bench/checkout-seed.ts (docs/PERFORMANCE.md,
 * "Checkout"):
 *
 *   BENCH_URL=http://localhost:9100 JWT_SECRET=… npx ts-node bench/checkout.ts
 *
 * Routes (BENCH_ROUTES, comma-separated; all by default):
 * - `engine`: the engine's POST /cart/checkout ({shipping_address}, customer Bearer token).
 *   Before the measured phase every customer's open cart is filled through POST /cart/add
 *   (BENCH_LINES lines of distinct products, one unit each); each timed request checks out
 *   one prepared cart (one customer).
 * - `medusa`: Medusa's POST /store/carts/{id}/complete. Before the measured phase each cart
 *   is made through Medusa's store API (cart in the US region, the same lines, shipping
 *   address, the cheapest shipping option, a payment collection and a `pp_system_default`
 *   session); only the complete call is timed.
 * - `medusa-flow`: the same Medusa carts made up to their line items only; the timed unit is
 *   the rest of Medusa's checkout, the calls a storefront makes one after the other
 *   (address, shipping options, shipping method, payment collection, payment session,
 *   complete) — what the engine's one call does.
 *
 * The driver: for each concurrency, all carts of the scenario are prepared first (untimed,
 * BENCH_PREP_CONCURRENCY at a time), then BENCH_CONCURRENCY workers take the prepared carts
 * from one queue, one request (or flow) at a time each, until the queue is empty. Latency is
 * from sending the request to reading the whole response; a success is a 201 with an order
 * (engine) or a 200 `{type: "order"}` (Medusa). Nothing is retried or re-sent. With the server
 * on this machine, BENCH_SERVER_PID (the `medusa start` node process, with its descendants: a
 * cluster counts whole) and BENCH_PG_DATABASE add
 * the CPU time the server and that database's PostgreSQL backends spent per checkout
 * (/proc/<pid>/stat, USER_HZ 100). With the server split from its worker
 * (MEDUSA_WORKER_MODE=server / worker), BENCH_WORKER_PID adds the worker's CPU per checkout
 * (the subscribers of `order.placed` and the other background work a checkout causes).
 *
 * The contended run (BENCH_CONTENDED=false skips it): for each of `engine` and `medusa`, a
 * new product with 10 units, 50 carts holding one unit each, the 50 checkouts sent at once;
 * successes vs refusals are counted and the product's stocked and reserved quantities
 * (Medusa's admin API) are checked: reserved must not exceed stocked. Then the shared pair:
 * 30 customers with carts of the same two products (plenty of stock) check out at once;
 * every one must succeed (they queue for the same two inventory locks).
 */
import { loadavg } from "node:os"
import { performance } from "node:perf_hooks"
import { signJwt } from "../integration-tests/helpers/jwt"
import { startInspectorProfile } from "./inspector-profile"
import { withoutAutovacuum } from "./autovacuum"
import { TEST_ADDRESS } from "../integration-tests/helpers/address"
import {
  backendsOf,
  cpuMsBetween,
  sampleCpu as sampleProcesses,
  withDescendants,
  type CpuSample,
} from "./proc-cpu"

const BASE = process.env.BENCH_URL ?? "http://localhost:9000"
const JWT_SECRET = process.env.JWT_SECRET
const ADMIN_EMAIL = process.env.ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || "supersecret-admin"
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,10,50").split(",").map(Number)
/** Checkouts per scenario: max(BENCH_MIN_CHECKOUTS, concurrency × BENCH_ROUNDS). */
const MIN_CHECKOUTS = Number(process.env.BENCH_MIN_CHECKOUTS ?? 100)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const LINES = Number(process.env.BENCH_LINES ?? 2)
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 50)
const STOCK = 1_000_000
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5)
const PREP_CONCURRENCY = Number(process.env.BENCH_PREP_CONCURRENCY ?? 8)
const ROUTES = (process.env.BENCH_ROUTES ?? "engine,medusa,medusa-flow").split(",")
const CONTENDED = process.env.BENCH_CONTENDED !== "false"
/** Same machine only: the server's pid and database, to report CPU time per checkout. */
const SERVER_PID = process.env.BENCH_SERVER_PID
const WORKER_PID = process.env.BENCH_WORKER_PID
const PG_DATABASE = process.env.BENCH_PG_DATABASE
/**
 * http://host:port of `--inspect` of the server (and of the worker, comma-separated): each
 * measured phase is CPU-profiled into BENCH_PROFILE_DIR, one file per process.
 */
const PROFILE_INSPECTORS = (process.env.BENCH_PROFILE_INSPECTOR ?? "").split(",").filter(Boolean)
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? "."
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3000)
const PUBLISHABLE_KEY_TITLE = "Demo Storefront"
const PAYMENT_PROVIDER = "pp_system_default"

const ADDRESS = TEST_ADDRESS

type Json = Record<string, unknown>
type Headers = Record<string, string>
type Customer = { id: string; email: string; headers: Headers }
type Product = { id: string; variant_id: string; inventory_item_id: string }
type Context = {
  admin: Headers
  store: Headers
  regionId: string
  products: Product[]
  engineCustomers: Customer[]
  storeCustomers: Customer[]
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string
  ) {
    super(`${status}: ${body.slice(0, 300)}`)
  }
}

async function call<T = Json>(
  method: string,
  path: string,
  headers: Headers,
  body?: unknown
): Promise<T> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) {
    throw new HttpError(response.status, `${method} ${path}: ${text}`)
  }
  return (text ? JSON.parse(text) : {}) as T
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) {
    return NaN
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Customer tokens signed like the engine's own (Medusa's claims, JWT_SECRET). */
function customerHeaders(customerId: string): Headers {
  const now = Math.floor(Date.now() / 1000)
  const token = signJwt(
    {
      actor_id: customerId,
      actor_type: "customer",
      auth_identity_id: `authid_${customerId}`,
      app_metadata: { customer_id: customerId },
      iat: now,
      exp: now + 6 * 3600,
    },
    JWT_SECRET as string
  )
  return { authorization: `Bearer ${token}` }
}

async function customersOf(admin: Headers, pool: string): Promise<Customer[]> {
  const customers: Customer[] = []
  for (let offset = 0; ; offset += 200) {
    const page = await call<{ customers: { id: string; email: string }[]; count: number }>(
      "GET",
      `/admin/customers?q=bench-${pool}-&fields=id,email&limit=200&offset=${offset}`,
      admin
    )
    customers.push(
      ...page.customers.map((c) => ({ id: c.id, email: c.email, headers: customerHeaders(c.id) }))
    )
    if (!page.customers.length || customers.length >= page.count) {
      break
    }
  }
  if (!customers.length) {
    throw new Error(`no bench-${pool}-… customers: run bench/checkout-seed.ts first`)
  }
  return customers.sort((a, b) => a.email.localeCompare(b.email))
}

/** Medusa's variant and inventory item of a product made by POST /products. */
async function describeProduct(admin: Headers, id: string): Promise<Product> {
  const { product } = await call<{
    product: { variants: { id: string; inventory_items: { inventory_item_id: string }[] }[] }
  }>(
    "GET",
    `/admin/products/${id}?fields=id,variants.id,variants.inventory_items.inventory_item_id`,
    admin
  )
  const variant = product.variants[0]
  return {
    id,
    variant_id: variant.id,
    inventory_item_id: variant.inventory_items[0].inventory_item_id,
  }
}

async function createProduct(
  admin: Headers,
  handle: string,
  stock: number,
  tag: string
): Promise<Product> {
  const created = await call<{ id: string }>("POST", "/products", admin, {
    name: handle.replace(/-/g, " "),
    handle,
    price: "10.00",
    tags: [tag],
    stock_quantity: stock,
  })
  return describeProduct(admin, created.id)
}

/** BENCH_PRODUCTS products with plenty of stock, made once (recognised by their handles). */
async function benchProducts(admin: Headers): Promise<Product[]> {
  const existing = new Map<string, string>()
  for (let offset = 0; ; offset += 100) {
    const page = await call<{ items: { id: string; handle: string }[] }>(
      "GET",
      `/products?tag=bench-checkout&limit=100&offset=${offset}`,
      admin
    )
    page.items.forEach((item) => existing.set(item.handle, item.id))
    if (page.items.length < 100) {
      break
    }
  }
  const handles = Array.from({ length: PRODUCTS }, (_, i) => `bench-checkout-${i}`)
  return pool(handles, PREP_CONCURRENCY, async (handle) => {
    const id = existing.get(handle)
    return id ? describeProduct(admin, id) : createProduct(admin, handle, STOCK, "bench-checkout")
  })
}

/** The products of the n-th cart: LINES distinct products, rotating over the catalog. */
function linesOf(ctx: Context, n: number): Product[] {
  return Array.from(
    { length: LINES },
    (_, line) => ctx.products[(n * LINES + line * 7) % ctx.products.length]
  )
}

// --- preparing carts (untimed) ---

/** Empties the customer's open cart, then adds the lines through POST /cart/add. */
async function prepareEngineCart(customer: Customer, products: Product[]): Promise<void> {
  const cart = await call<{ items: { id: string }[] }>("GET", "/cart", customer.headers)
  for (const item of cart.items) {
    await call("DELETE", `/cart/${item.id}`, customer.headers)
  }
  let count = 0
  for (const product of products) {
    const view = await call<{ item_count: number }>("POST", "/cart/add", customer.headers, {
      product_id: product.id,
      quantity: 1,
    })
    count = view.item_count
  }
  if (count !== products.length) {
    throw new Error(`engine cart of ${customer.email} holds ${count} items`)
  }
}

type StoreCart = { id: string; headers: Headers }

/** A Medusa cart with its line items (what the storefront has before checking out). */
async function prepareStoreCartItems(
  ctx: Context,
  customer: Customer,
  products: Product[]
): Promise<StoreCart> {
  const headers = { ...ctx.store, ...customer.headers }
  const { cart } = await call<{ cart: { id: string } }>("POST", "/store/carts", headers, {
    region_id: ctx.regionId,
  })
  for (const product of products) {
    await call("POST", `/store/carts/${cart.id}/line-items`, headers, {
      variant_id: product.variant_id,
      quantity: 1,
    })
  }
  return { id: cart.id, headers }
}

/**
 * The rest of Medusa's checkout before completing: address, the cheapest shipping option,
 * a payment collection and a session with the system provider.
 */
async function storeCheckoutSteps(cart: StoreCart): Promise<void> {
  await call("POST", `/store/carts/${cart.id}`, cart.headers, {
    shipping_address: ADDRESS,
    billing_address: ADDRESS,
  })
  const { shipping_options } = await call<{ shipping_options: { id: string; amount: number }[] }>(
    "GET",
    `/store/shipping-options?cart_id=${cart.id}`,
    cart.headers
  )
  const cheapest = [...shipping_options].sort((a, b) => a.amount - b.amount)[0]
  if (!cheapest) {
    throw new Error(`no shipping option for cart ${cart.id}`)
  }
  await call("POST", `/store/carts/${cart.id}/shipping-methods`, cart.headers, {
    option_id: cheapest.id,
  })
  const { payment_collection } = await call<{ payment_collection: { id: string } }>(
    "POST",
    "/store/payment-collections",
    cart.headers,
    { cart_id: cart.id }
  )
  await call(
    "POST",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    cart.headers,
    { provider_id: PAYMENT_PROVIDER }
  )
}

// --- the timed units ---

type Outcome = { ok: boolean; status: number; ms: number; detail?: string }

async function timed(
  method: string,
  path: string,
  headers: Headers,
  body: unknown,
  success: (status: number, body: Json) => boolean
): Promise<Outcome> {
  const started = performance.now()
  try {
    const response = await fetch(`${BASE}${path}`, {
      method,
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    const ms = performance.now() - started
    let parsed: Json = {}
    try {
      parsed = JSON.parse(text) as Json
    } catch {
      // not JSON: counted by its status
    }
    const ok = success(response.status, parsed)
    return { ok, status: response.status, ms, detail: ok ? undefined : text.slice(0, 300) }
  } catch (error) {
    return { ok: false, status: 0, ms: performance.now() - started, detail: String(error) }
  }
}

const engineSucceeded = (status: number, body: Json) =>
  status === 201 && typeof (body.order as Json | undefined)?.id === "string"
const medusaSucceeded = (status: number, body: Json) =>
  status === 200 &&
  body.type === "order" &&
  typeof (body.order as Json | undefined)?.id === "string"

function engineCheckout(customer: Customer): Promise<Outcome> {
  return timed(
    "POST",
    "/cart/checkout",
    customer.headers,
    { shipping_address: ADDRESS },
    engineSucceeded
  )
}

function medusaComplete(cart: StoreCart): Promise<Outcome> {
  return timed("POST", `/store/carts/${cart.id}/complete`, cart.headers, {}, medusaSucceeded)
}

async function medusaFlow(cart: StoreCart): Promise<Outcome> {
  const started = performance.now()
  try {
    await storeCheckoutSteps(cart)
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 0
    return { ok: false, status, ms: performance.now() - started, detail: String(error) }
  }
  const complete = await medusaComplete(cart)
  return { ...complete, ms: performance.now() - started }
}

// --- CPU accounting (Linux /proc; optional) ---

type CpuSamples = { server: CpuSample; worker: CpuSample; database: CpuSample }

/**
 * The server (with its descendants: a cluster's primary brings its forked processes), the
 * worker and the database's backends, each sampled from /proc.
 */
function sampleCpu(): CpuSamples {
  const worker = WORKER_PID ? withDescendants([WORKER_PID]) : []
  // A cluster's worker is a child of its primary: counted as the worker only.
  const server = SERVER_PID
    ? withDescendants([SERVER_PID]).filter((pid) => !worker.includes(pid))
    : []
  return {
    server: sampleProcesses(server),
    worker: sampleProcesses(worker),
    database: sampleProcesses(PG_DATABASE ? backendsOf(PG_DATABASE) : []),
  }
}

/**
 * With a worker or a profile to measure, waits BENCH_SETTLE_MS (3 s) for the background work
 * of what came before (subscribers, emails) to finish; otherwise the samples are taken at
 * once, as in the rows measured before the worker column existed.
 */
/**
 * Every checkout updates the same few rows (the products' inventory levels and catalog
 * rows: 50 products). PostgreSQL's autovacuum clears their old versions once 50 + 20 % of
 * a table changed; with autovacuum off (this machine's PostgreSQL) they pile up, and each
 * later phase reads through hundreds of dead versions per row (seen: 542 dead rows behind
 * the catalog's 50, the checkouts' PostgreSQL CPU doubled). With DATABASE_URL set and
 * autovacuum off, the bench database is vacuumed before each measured phase instead, as
 * autovacuum would keep it, and the driver says so.
 */
let vacuumNoticed = false
async function vacuumAsAutovacuumWould(): Promise<void> {
  await withoutAutovacuum(process.env.DATABASE_URL, async (db) => {
    if (!vacuumNoticed) {
      vacuumNoticed = true
      process.stdout.write(
        "autovacuum is off on this PostgreSQL: VACUUM ANALYZE before each measured phase instead\n"
      )
    }
    await db.query("vacuum analyze")
  })
}

async function settle(): Promise<void> {
  if (WORKER_PID || PROFILE_INSPECTORS.length) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  }
}

/** CPU milliseconds spent between two samples by the server, the worker and the database. */
function cpuSpent(before: CpuSamples, after: CpuSamples) {
  return {
    server: cpuMsBetween(before.server, after.server),
    worker: cpuMsBetween(before.worker, after.worker),
    database: cpuMsBetween(before.database, after.database),
  }
}

// --- scenarios ---

type Route = {
  name: string
  label: string
  /** Prepares `count` units of work, untimed; returns the timed calls. */
  prepare: (ctx: Context, count: number, offset: number) => Promise<(() => Promise<Outcome>)[]>
}

const ROUTE_DEFINITIONS: Route[] = [
  {
    name: "engine",
    label: "POST /cart/checkout (engine)",
    prepare: async (ctx, count, offset) => {
      if (count > ctx.engineCustomers.length) {
        throw new Error(`${count} checkouts need ${count} engine customers (BENCH_CUSTOMERS)`)
      }
      const customers = ctx.engineCustomers.slice(0, count)
      await pool(
        customers.map((customer, i) => ({ customer, lines: linesOf(ctx, offset + i) })),
        PREP_CONCURRENCY,
        ({ customer, lines }) => prepareEngineCart(customer, lines)
      )
      return customers.map((customer) => () => engineCheckout(customer))
    },
  },
  {
    name: "medusa",
    label: "POST /store/carts/{id}/complete (Medusa)",
    prepare: async (ctx, count, offset) => {
      const carts = await pool(
        Array.from({ length: count }, (_, i) => i),
        PREP_CONCURRENCY,
        async (i) => {
          const customer = ctx.storeCustomers[i % ctx.storeCustomers.length]
          const cart = await prepareStoreCartItems(ctx, customer, linesOf(ctx, offset + i))
          await storeCheckoutSteps(cart)
          return cart
        }
      )
      return carts.map((cart) => () => medusaComplete(cart))
    },
  },
  {
    name: "medusa-flow",
    label: "Medusa's checkout calls after the items (6 requests, Medusa)",
    prepare: async (ctx, count, offset) => {
      const carts = await pool(
        Array.from({ length: count }, (_, i) => i),
        PREP_CONCURRENCY,
        (i) =>
          prepareStoreCartItems(
            ctx,
            ctx.storeCustomers[i % ctx.storeCustomers.length],
            linesOf(ctx, offset + i)
          )
      )
      return carts.map((cart) => () => medusaFlow(cart))
    },
  },
]

type Row = {
  route: string
  concurrency: number
  checkouts: number
  ok: number
  errors: number
  statuses: string
  p50: number
  p95: number
  p99: number
  max: number
  rps: number
  load: string
  prepSeconds: number
  /** CPU ms per checkout in the measured phase (BENCH_SERVER_PID, BENCH_PG_DATABASE). */
  serverCpu: number
  /** The worker process's CPU ms per checkout (BENCH_WORKER_PID). */
  workerCpu: number
  databaseCpu: number
}

/** `concurrency` workers take the prepared calls from one queue until it is empty. */
async function measure(calls: (() => Promise<Outcome>)[], concurrency: number) {
  const outcomes: Outcome[] = []
  const started = performance.now()
  await pool(calls, concurrency, async (run) => {
    outcomes.push(await run())
  })
  return { outcomes, seconds: (performance.now() - started) / 1000 }
}

function summarise(outcomes: Outcome[]) {
  const statuses = new Map<number, number>()
  outcomes.forEach((o) => statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1))
  return [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ")
}

async function scenario(
  ctx: Context,
  route: Route,
  concurrency: number,
  offset: number
): Promise<Row> {
  const count = Math.max(MIN_CHECKOUTS, concurrency * ROUNDS)
  const prepStarted = performance.now()
  const calls = await route.prepare(ctx, count, offset)
  const prepSeconds = (performance.now() - prepStarted) / 1000
  const load = loadavg()[0].toFixed(1)
  // The background work of the preparation (its events) is not the checkouts'.
  await settle()
  await vacuumAsAutovacuumWould()
  const cpuBefore = sampleCpu()
  const profiles = await Promise.all(PROFILE_INSPECTORS.map(startInspectorProfile))
  const { outcomes, seconds } = await measure(calls, concurrency)
  // The subscribers of what was measured run after the answers: they are counted too.
  await settle()
  if (profiles.length) {
    await Promise.all(
      profiles.map((profile, index) =>
        profile.stop(`${PROFILE_DIR}/${route.name}-x${concurrency}-${index}.cpuprofile`)
      )
    )
  }
  const cpu = cpuSpent(cpuBefore, sampleCpu())
  const ok = outcomes.filter((o) => o.ok)
  const times = ok.map((o) => o.ms).sort((a, b) => a - b)
  const failed = outcomes.filter((o) => !o.ok)
  if (failed.length) {
    process.stderr.write(`${route.name} ×${concurrency}: first failure ${failed[0].detail}\n`)
  }
  const round = (value: number) => Math.round(value)
  return {
    route: route.label,
    concurrency,
    checkouts: outcomes.length,
    ok: ok.length,
    errors: failed.length,
    statuses: summarise(outcomes),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1] ?? NaN),
    rps: Math.round((ok.length / seconds) * 10) / 10,
    load,
    prepSeconds: Math.round(prepSeconds),
    serverCpu: round(cpu.server / outcomes.length),
    workerCpu: round(cpu.worker / outcomes.length),
    databaseCpu: round(cpu.database / outcomes.length),
  }
}

type Stock = { stocked: number; reserved: number; reservations: number }

async function stockOf(admin: Headers, product: Product): Promise<Stock> {
  const { inventory_item } = await call<{
    inventory_item: { stocked_quantity: number; reserved_quantity: number }
  }>("GET", `/admin/inventory-items/${product.inventory_item_id}`, admin)
  const { reservations } = await call<{ reservations: { quantity: number }[] }>(
    "GET",
    `/admin/reservations?inventory_item_id=${product.inventory_item_id}&limit=1000`,
    admin
  )
  return {
    stocked: Number(inventory_item.stocked_quantity),
    reserved: Number(inventory_item.reserved_quantity),
    reservations: reservations.reduce((sum, r) => sum + Number(r.quantity), 0),
  }
}

/** One prepared checkout per racer, each cart holding `products` (one unit of each). */
async function racingCheckouts(
  ctx: Context,
  route: "engine" | "medusa",
  racers: number,
  products: Product[]
): Promise<(() => Promise<Outcome>)[]> {
  if (route === "engine") {
    const customers = ctx.engineCustomers.slice(0, racers)
    await pool(customers, PREP_CONCURRENCY, (customer) => prepareEngineCart(customer, products))
    return customers.map((customer) => () => engineCheckout(customer))
  }
  const carts = await pool(
    ctx.storeCustomers.slice(0, racers),
    PREP_CONCURRENCY,
    async (customer) => {
      const cart = await prepareStoreCartItems(ctx, customer, products)
      await storeCheckoutSteps(cart)
      return cart
    }
  )
  return carts.map((cart) => () => medusaComplete(cart))
}

/** 50 customers race for 10 units: successes, refusals, and no overselling. */
async function contended(ctx: Context, route: "engine" | "medusa"): Promise<string> {
  const units = 10
  const racers = 50
  const product = await createProduct(
    ctx.admin,
    `bench-contended-${route}-${Date.now()}`,
    units,
    "bench-contended"
  )
  const calls = await racingCheckouts(ctx, route, racers, [product])
  const { outcomes, seconds } = await measure(calls, racers)
  const ok = outcomes.filter((o) => o.ok).length
  const stock = await stockOf(ctx.admin, product)
  const oversold = stock.reserved > stock.stocked || ok > units
  const refusal = outcomes.find((o) => !o.ok)?.detail ?? ""
  return (
    `| ${route} | ${racers} for ${units} | ${ok} | ${summarise(outcomes)} | ` +
    `${stock.stocked} | ${stock.reserved} (${stock.reservations} in reservations) | ` +
    `${oversold ? "**yes**" : "no"} | ${seconds.toFixed(1)} | ${refusal.replace(/\|/g, "/").slice(0, 120)} |`
  )
}

/**
 * 30 customers check out carts of the same two products (plenty of stock) at once: every
 * checkout locks both products' inventory items, so they queue for the same two locks.
 * All must succeed; the time is how long the queue takes to drain.
 */
async function sharedPair(ctx: Context, route: "engine" | "medusa"): Promise<string> {
  const racers = 30
  const stamp = Date.now()
  const pair = [
    await createProduct(ctx.admin, `bench-pair-a-${route}-${stamp}`, 1_000, "bench-contended"),
    await createProduct(ctx.admin, `bench-pair-b-${route}-${stamp}`, 1_000, "bench-contended"),
  ]
  const calls = await racingCheckouts(ctx, route, racers, pair)
  const { outcomes, seconds } = await measure(calls, racers)
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b)
  const refusal = outcomes.find((o) => !o.ok)?.detail ?? ""
  // Medusa's own complete call is measured as it is (its refusals are its own).
  if (refusal && route === "engine") {
    process.stderr.write("shared pair: some engine checkouts failed\n")
    process.exitCode = 1
  }
  return (
    `| ${route} | ${racers}, the same two products | ${outcomes.filter((o) => o.ok).length} | ` +
    `${summarise(outcomes)} | ${Math.round(percentile(ms, 50))} | ${Math.round(percentile(ms, 95))} | ` +
    `${Math.round(ms[ms.length - 1] ?? NaN)} | ${seconds.toFixed(1)} | ${refusal.replace(/\|/g, "/").slice(0, 120)} |`
  )
}

async function main(): Promise<void> {
  if (!JWT_SECRET) {
    throw new Error("Set JWT_SECRET to the server's secret (customer tokens are signed with it)")
  }
  const { token } = await call<{ token: string }>(
    "POST",
    "/auth/user/emailpass",
    {},
    {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    }
  )
  const admin = { authorization: `Bearer ${token}` }
  const { api_keys } = await call<{ api_keys: { token: string; title: string }[] }>(
    "GET",
    `/admin/api-keys?type=publishable&fields=id,token,title&limit=100`,
    admin
  )
  const key = api_keys.find((k) => k.title === PUBLISHABLE_KEY_TITLE)
  if (!key) {
    throw new Error(`no "${PUBLISHABLE_KEY_TITLE}" publishable key: run bench/checkout-seed.ts`)
  }
  const store = { "x-publishable-api-key": key.token }
  const { regions } = await call<{ regions: { id: string; currency_code: string }[] }>(
    "GET",
    "/store/regions?fields=id,currency_code",
    store
  )
  const region = regions.find((r) => r.currency_code === "usd")
  if (!region) {
    throw new Error("no usd region: run bench/checkout-seed.ts")
  }
  const ctx: Context = {
    admin,
    store,
    regionId: region.id,
    products: await benchProducts(admin),
    engineCustomers: await customersOf(admin, "engine"),
    storeCustomers: await customersOf(admin, "store"),
  }
  const routes = ROUTE_DEFINITIONS.filter((route) => ROUTES.includes(route.name))
  process.stdout.write(
    `${ctx.products.length} products, ${LINES} lines per cart, ` +
      `${ctx.engineCustomers.length} + ${ctx.storeCustomers.length} customers; ` +
      `concurrency ${CONCURRENCY.join(", ")}; routes ${routes.map((r) => r.name).join(", ")}\n`
  )

  // Warm-up (untimed): JIT, connection pools, Medusa's first-use caches of each route.
  let offset = 0
  for (const route of routes) {
    if (WARMUP > 0) {
      const calls = await route.prepare(ctx, WARMUP, offset)
      offset += WARMUP
      await measure(calls, 1)
    }
  }

  const rows: Row[] = []
  for (const concurrency of CONCURRENCY) {
    for (const route of routes) {
      const row = await scenario(ctx, route, concurrency, offset)
      offset += row.checkouts
      rows.push(row)
      process.stderr.write(
        `done: ${route.name} ×${concurrency}: p50 ${row.p50} p95 ${row.p95} ms, ` +
          `${row.rps}/s, ${row.errors} errors, CPU ${row.serverCpu} + ${row.workerCpu} + ${row.databaseCpu} ms ` +
          `(prep ${row.prepSeconds} s, load ${row.load})\n`
      )
    }
  }

  const lines = [
    "",
    "| route | concurrent | checkouts | p50 ms | p95 ms | p99 ms | max ms | checkouts/s | errors | statuses | server CPU ms/checkout | worker CPU ms/checkout | PG CPU ms/checkout | load avg |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.route} | ${r.concurrency} | ${r.checkouts} | ${r.p50} | ${r.p95} | ${r.p99} | ` +
        `${r.max} | ${r.rps} | ${r.errors} | ${r.statuses} | ${SERVER_PID ? r.serverCpu : "–"} | ` +
        `${WORKER_PID ? r.workerCpu : "–"} | ` +
        `${PG_DATABASE ? r.databaseCpu : "–"} | ${r.load} |`
    ),
    "",
  ]
  if (CONTENDED) {
    lines.push(
      "| contended | customers for units | succeeded | statuses | stocked | reserved | oversold | seconds | a refusal |",
      "|---|---|---|---|---|---|---|---|---|"
    )
    for (const route of ["engine", "medusa"] as const) {
      if (ROUTES.includes(route)) {
        lines.push(await contended(ctx, route))
      }
    }
    lines.push(
      "",
      "| shared pair | customers | succeeded | statuses | p50 ms | p95 ms | max ms | seconds | a refusal |",
      "|---|---|---|---|---|---|---|---|---|"
    )
    for (const route of ["engine", "medusa"] as const) {
      if (ROUTES.includes(route)) {
        lines.push(await sharedPair(ctx, route))
      }
    }
    lines.push("")
  }
  process.stdout.write(lines.join("\n"))
  if (rows.some((row) => row.errors > 0)) {
    process.stderr.write("some checkouts failed (errors > 0)\n")
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exit(1)
})
