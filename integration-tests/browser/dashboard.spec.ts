import { randomUUID } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { chromium, type Browser, type Page } from "playwright-core"
import { findFreePort } from "../../scripts/lib/port"
import { startDev, type DevProcess } from "../tooling/dev-process"

// A real server (`npm run dev`'s script: migrate, seed, `medusa develop` with /app) on a
// fresh database, driven through Debian's chromium.
jest.setTimeout(900_000)
const BOOT_TIMEOUT_MS = 400_000
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const SCREENSHOTS = path.resolve(__dirname, "../../docs/screenshots")
// `medusa develop` restarts on new files in the project: screenshots wait outside it and
// are copied into docs/ once the server has stopped.
const SHOTS_TMP = fs.mkdtempSync(path.join(os.tmpdir(), "engine-shots-"))

const db = {
  host: process.env.DB_HOST || "localhost",
  port: process.env.DB_PORT || "5432",
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
const dbName = `engine_browser_${randomUUID().slice(0, 8)}`
const adminUrl = (name: string) =>
  `postgres://${db.user}${db.password ? `:${encodeURIComponent(db.password)}` : ""}@${db.host}:${db.port}/${name}`

describe("the admin dashboard's extensions in a browser", () => {
  let dev: DevProcess
  let base: string
  let browser: Browser
  let page: Page
  let adminToken: string
  const jsErrors: string[] = []

  async function call(method: string, route: string, body?: unknown, token?: string) {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, data: text ? JSON.parse(text) : undefined }
  }

  beforeAll(async () => {
    const port = await findFreePort()
    base = `http://localhost:${port}`
    dev = startDev({ PORT: String(port), DATABASE_URL: adminUrl(dbName) })
    const [, email, password] = await dev.waitForOutput(
      /\[dev\] admin: (\S+) \/ (\S+)\n/,
      BOOT_TIMEOUT_MS
    )
    adminToken = (await call("POST", "/auth/user/emailpass", { email, password })).data.token

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] })
    const context = await browser.newContext({
      timezoneId: "UTC",
      viewport: { width: 1440, height: 1000 },
    })
    page = await context.newPage()
    page.on("pageerror", (error) => jsErrors.push(`${page.url()}: ${error.message}`))
    // The first /app request compiles the dashboard (vite): allow for it.
    await page.goto(`${base}/app/login`, { timeout: 300_000 })
    await page.waitForSelector('input[name="email"]', { timeout: 400_000 })
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/app\/orders/, { timeout: 120_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await dev?.stop()
    // The docs' pictures change only when asked: a test run leaves the checkout clean.
    if (process.env.UPDATE_SCREENSHOTS === "true") {
      fs.mkdirSync(SCREENSHOTS, { recursive: true })
      for (const file of fs.readdirSync(SHOTS_TMP)) {
        fs.copyFileSync(path.join(SHOTS_TMP, file), path.join(SCREENSHOTS, file))
      }
    }
    fs.rmSync(SHOTS_TMP, { recursive: true, force: true })
    const client = new Client({ connectionString: adminUrl("postgres") })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
    await client.end()
  })

  /** A customer with a placed, paid order of a seeded product; returns ids. */
  async function paidOrder() {
    const email = `browser-${randomUUID().slice(0, 8)}@example.com`
    const password = "Browser-password-1"
    const registered = await call("POST", "/auth/register", {
      email,
      password,
      username: `b${randomUUID().slice(0, 8)}`,
      first_name: "Bea",
      last_name: "Rowser",
    })
    expect(registered.status).toBe(201)
    const token = (await call("POST", "/auth/login", { email, password })).data.access_token
    const products = await call("GET", "/products?limit=1")
    const productId = products.data.items[0].id
    expect(
      (await call("POST", "/cart/add", { product_id: productId, quantity: 2 }, token)).status
    ).toBe(200)
    const placed = await call(
      "POST",
      "/cart/checkout",
      {
        shipping_address: {
          first_name: "Ada",
          last_name: "Lovelace",
          address_1: "1 Main St",
          city: "Springfield",
          postal_code: "12345",
          country_code: "us",
        },
      },
      token
    )
    expect(placed.status).toBe(201)
    const orderId = placed.data.order.id
    expect(
      (await call("PUT", `/orders/${orderId}/status`, { status: "paid" }, adminToken)).status
    ).toBe(200)
    return { token, productId, orderId }
  }

  async function shot(name: string) {
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(SHOTS_TMP, `${name}.png`), fullPage: true })
  }

  it("Analytics shows the API's numbers for a paid order", async () => {
    const { orderId } = await paidOrder()
    const today = new Date().toISOString().slice(0, 10)
    const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
    let summary:
      | { currencies: { currency_code: string; current: { orders: number; revenue: string } }[] }
      | undefined
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      summary = (
        await call(
          "GET",
          `/admin/analytics/summary?from=${from}&to=${today}&tz=UTC`,
          undefined,
          adminToken
        )
      ).data
      if (summary?.currencies.some((c) => c.current.orders > 0)) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const currency = summary!.currencies.find((c) => c.current.orders > 0)!
    await page.goto(`${base}/app/analytics`)
    const orders = page.getByTestId(`kpi-${currency.currency_code}-orders-value`)
    await orders.waitFor({ timeout: 60_000 })
    expect(await orders.textContent()).toBe(String(currency.current.orders))
    const revenue = await page
      .getByTestId(`kpi-${currency.currency_code}-revenue-value`)
      .textContent()
    expect(revenue?.replace(/[^0-9.]/g, "")).toBe(Number(currency.current.revenue).toFixed(2))
    await page.getByTestId(`sales-chart-${currency.currency_code}`).locator("svg").first().waitFor()
    await shot("analytics")
    expect(orderId).toBeTruthy()
  })

  it("a status move from the order widget is recorded in the history", async () => {
    const { orderId } = await paidOrder()
    await page.goto(`${base}/app/orders/${orderId}`)
    await page.getByTestId("order-status-widget").waitFor({ timeout: 60_000 })
    await page.getByTestId("move-processing").click()
    await page.getByTestId("order-status").filter({ hasText: "processing" }).waitFor()
    const order = await call("GET", `/orders/${orderId}`, undefined, adminToken)
    expect(order.data.status).toBe("processing")
    expect(order.data.status_history.at(-1)).toMatchObject({
      from: "paid",
      to: "processing",
      actor_type: "admin",
    })
    await shot("order-status-widget")
    await page.goto(`${base}/app/orders`)
    await page.getByTestId("orders-sales-summary").waitFor({ timeout: 60_000 })
    await shot("orders-sales-summary")
  })

  it("approving a review in the Reviews page makes it public", async () => {
    const { token, productId } = await paidOrder()
    const review = await call(
      "POST",
      `/products/${productId}/reviews`,
      { rating: 4, title: "Solid", body: "Does what it says." },
      token
    )
    expect(review.status).toBe(201)
    await page.goto(`${base}/app/reviews`)
    await page.getByTestId(`approve-${review.data.id}`).click()
    const deadline = Date.now() + 30_000
    let visible = false
    while (!visible && Date.now() < deadline) {
      const list = await call("GET", `/products/${productId}/reviews`)
      visible = list.data.items.some((item: { id: string }) => item.id === review.data.id)
      if (!visible) await new Promise((resolve) => setTimeout(resolve, 300))
    }
    expect(visible).toBe(true)
    await shot("reviews")
    await page.goto(`${base}/app/products/${productId}`)
    await page.getByTestId("product-rating-widget").waitFor({ timeout: 60_000 })
    const rating = (await call("GET", `/admin/product-ratings/${productId}`, undefined, adminToken))
      .data
    expect(await page.getByTestId("product-review-count").textContent()).toContain(
      `${rating.review_count} approved`
    )
    await shot("product-rating-widget")
  })

  it("Low stock and Reconciliation show the API's lists", async () => {
    const low = (await call("GET", "/admin/analytics/low-stock?limit=100", undefined, adminToken))
      .data
    await page.goto(`${base}/app/low-stock`)
    await page
      .getByTestId("low-stock-threshold")
      .filter({ hasText: `under ${low.threshold}` })
      .waitFor()
    expect(await page.getByTestId("low-stock-table").locator("tbody tr").count()).toBe(
      low.items.length
    )
    await shot("low-stock")
    const findings = (await call("GET", "/payments/reconciliation", undefined, adminToken)).data
    await page.goto(`${base}/app/reconciliation`)
    await page
      .getByTestId("findings-count")
      .filter({ hasText: `${findings.count} findings` })
      .waitFor()
    await shot("reconciliation")
  })

  it("no page logged a JavaScript error", () => {
    expect(jsErrors).toEqual([])
  })
})
