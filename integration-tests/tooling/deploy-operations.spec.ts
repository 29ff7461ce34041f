import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { randomUUID } from "node:crypto"
import { Client } from "pg"
import { findFreePort } from "../../scripts/lib/port"
import { TEST_ADDRESS } from "../helpers/address"
import { startDev, testServerUrl, type DevProcess } from "./dev-process"
import { startOtlpReceiver, type ReceivedSpan } from "./otlp-receiver"

// A shop run as an operator runs it (`npm run dev` on a database of the test server):
// traced to a local OTLP receiver while a customer checks out and an admin marks the order
// paid; then `npm run db:backup`, `npm run db:restore` into a fresh database, and the app
// booted on the restored database answers the same orders, payments and status history.
jest.setTimeout(1_200_000)
const BOOT_TIMEOUT_MS = 420_000
const ROOT = path.resolve(__dirname, "../..")
const suffix = randomUUID().slice(0, 8)
const SOURCE_DB = `engine_ops_src_${suffix}`
const RESTORED_DB = `engine_ops_restored_${suffix}`
const work = fs.mkdtempSync(path.join(os.tmpdir(), "engine-ops-"))
const ADMIN = { email: "ops-admin@example.com", password: "ops-admin-password-1" }

type Api = (
  method: string,
  route: string,
  options?: { token?: string; body?: unknown; headers?: Record<string, string> }
) => Promise<{ status: number; body: Record<string, unknown> }>

function apiAt(port: number): Api {
  return async (method, route, { token, body, headers = {} } = {}) => {
    const response = await fetch(`http://localhost:${port}${route}`, {
      method,
      headers: {
        ...(body ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : {} }
  }
}

async function login(api: Api, email: string, password: string): Promise<string> {
  const { status, body } = await api("POST", "/auth/login", { body: { email, password } })
  expect(status).toBe(200)
  return body.access_token as string
}

function npm(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.on("exit", (code) => resolve({ code, output }))
  })
}

async function until<T>(probe: () => T | undefined | false, ms: number): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = probe()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error("timed out")
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function dropDatabases(): Promise<void> {
  const client = new Client({ connectionString: testServerUrl("postgres") })
  await client.connect()
  try {
    for (const name of [SOURCE_DB, RESTORED_DB]) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)
    }
  } finally {
    await client.end()
  }
}

async function boot(database: string, extra: Record<string, string>) {
  const port = await findFreePort()
  const dev = startDev({
    DATABASE_URL: testServerUrl(database),
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: "ops-jwt-secret",
    COOKIE_SECRET: "ops-cookie-secret",
    ...extra,
  })
  await dev.waitForOutput(/\[dev\] ready: /, BOOT_TIMEOUT_MS)
  return { dev, api: apiAt(port) }
}

describe("operating a shop: tracing, backup and restore", () => {
  const receiver = startOtlpReceiver()
  let dev: DevProcess | undefined
  let api: Api
  const requestId = `checkout-${suffix}`
  let orderId: string
  let paymentId: string
  let customer: { email: string; password: string }
  let before: { order: unknown; payment: unknown; mine: unknown }

  beforeAll(async () => {
    const { endpoint } = await receiver
    ;({ dev, api } = await boot(SOURCE_DB, {
      SEED_DEMO_DATA: "true",
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_SERVICE_NAME: "engine-under-test",
      FILES_DIR: path.join(work, "static-source"),
    }))
  })

  afterAll(async () => {
    await dev?.stop()
    await (await receiver).stop()
    await dropDatabases()
    fs.rmSync(work, { recursive: true, force: true })
  })

  it("places an order whose checkout is traced: HTTP, workflow and SQL spans with the request id", async () => {
    customer = { email: `ops-${suffix}@example.com`, password: "a-customer-password-1" }
    const registered = await api("POST", "/auth/register", {
      body: { ...customer, username: `ops${suffix}`, first_name: "Ops", last_name: "Shopper" },
    })
    expect(registered.status).toBe(201)
    const token = await login(api, customer.email, customer.password)
    const products = await api("GET", "/products?limit=1")
    expect(products.status).toBe(200)
    const [product] = products.body.items as Array<{ id: string }>
    const added = await api("POST", "/cart/add", {
      token,
      body: { product_id: product.id, quantity: 1 },
    })
    expect(added.status).toBe(200)
    const checkout = await api("POST", "/cart/checkout", {
      token,
      headers: { "x-request-id": requestId },
      body: {
        shipping_address: TEST_ADDRESS,
      },
    })
    expect(checkout.status).toBe(201)
    orderId = (checkout.body.order as { id: string }).id
    paymentId = (checkout.body.payment as { id: string }).id

    const { spans, services } = await receiver
    const ofRequest = (): ReceivedSpan[] =>
      spans.filter((span) => span.attributes["http.request_id"] === requestId)
    // Batched export: the checkout's spans arrive within the processor's delay.
    const traced = await until(() => {
      const found = ofRequest()
      const http = found.some((span) => /cart\/checkout/.test(span.name))
      const workflow = found.some((span) => span.name.startsWith("workflow:"))
      const sql = found.some((span) => span.attributes["db.system"] === "postgresql")
      return http && workflow && sql && found
    }, 60_000).catch(() => ofRequest())
    const names = traced.map((span) => span.name)
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/cart\/checkout/)]))
    expect(names.some((name) => name.startsWith("workflow:"))).toBe(true)
    expect(names.some((name) => name.startsWith("step:"))).toBe(true)
    expect(traced.some((span) => span.attributes["db.system"] === "postgresql")).toBe(true)
    // One trace: the request's root span carries the id too.
    const root = spans.find(
      (span) => span.name.includes("cart/checkout") && span.scope === "@medusajs/http"
    )
    expect(root?.attributes["http.request_id"]).toBe(requestId)
    expect(new Set(traced.map((span) => span.traceId)).size).toBe(1)
    // Credentials never leave the process.
    expect(spans.some((span) => "authorization" in span.attributes)).toBe(false)
    expect([...services]).toContain("engine-under-test")
  })

  it("backs the shop up and restores it into a fresh database that serves the same orders", async () => {
    const admin = await login(api, ADMIN.email, ADMIN.password)
    const paid = await api("PUT", `/orders/${orderId}/status`, {
      token: admin,
      body: { status: "paid", note: "Paid by bank transfer" },
    })
    expect(paid.status).toBe(200)
    const customerToken = await login(api, customer.email, customer.password)
    before = {
      order: (await api("GET", `/orders/${orderId}`, { token: admin })).body,
      payment: (await api("GET", `/payments/${paymentId}`, { token: admin })).body,
      mine: (await api("GET", "/orders", { token: customerToken })).body,
    }
    expect(before.order).toMatchObject({ id: orderId, status: "paid" })
    expect((before.order as { status_history: unknown[] }).status_history.length).toBeGreaterThan(1)
    // An uploaded file of the local provider travels with the backup.
    fs.mkdirSync(path.join(work, "static-source"), { recursive: true })
    fs.writeFileSync(path.join(work, "static-source", "lamp.png"), "image bytes")

    const backup = await npm("db:backup", ["--out", path.join(work, "backups")], {
      DATABASE_URL: testServerUrl(SOURCE_DB),
      FILES_DIR: path.join(work, "static-source"),
    })
    expect(backup).toMatchObject({ code: 0 })
    const [dir] = fs.readdirSync(path.join(work, "backups"))
    const backupDir = path.join(work, "backups", dir)
    expect(fs.readdirSync(backupDir).sort()).toEqual([
      "database.dump",
      "files.tar.gz",
      "manifest.json",
    ])
    await dev?.stop()
    dev = undefined

    const restore = await npm("db:restore", [backupDir], {
      DATABASE_URL: testServerUrl(RESTORED_DB),
      FILES_DIR: path.join(work, "static-restored"),
    })
    expect(restore).toMatchObject({ code: 0 })
    expect(fs.readFileSync(path.join(work, "static-restored", "lamp.png"), "utf8")).toBe(
      "image bytes"
    )
    // Restoring over a database with tables is refused without --force.
    const again = await npm("db:restore", [backupDir], {
      DATABASE_URL: testServerUrl(RESTORED_DB),
    })
    expect(again.code).toBe(1)
    expect(again.output).toMatch(/already has \d+ tables/)

    ;({ dev, api } = await boot(RESTORED_DB, { SEED_DEMO_DATA: "false" }))
    const restoredAdmin = await login(api, ADMIN.email, ADMIN.password)
    const restoredCustomer = await login(api, customer.email, customer.password)
    expect({
      order: (await api("GET", `/orders/${orderId}`, { token: restoredAdmin })).body,
      payment: (await api("GET", `/payments/${paymentId}`, { token: restoredAdmin })).body,
      mine: (await api("GET", "/orders", { token: restoredCustomer })).body,
    }).toEqual(before)
  })
})
