import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { randomUUID } from "node:crypto"
import { Client } from "pg"
import { findFreePort } from "../../scripts/lib/port"
import { DEMO_PRODUCTS } from "../../src/scripts/seed/catalog-data"
import { signJwt } from "../helpers/jwt"
import { startDev, testServerUrl, type DevProcess } from "./dev-process"

// Each run migrates a fresh database and boots `medusa develop`.
jest.setTimeout(400_000)
const BOOT_TIMEOUT_MS = 300_000

async function get(port: number, route: string, headers: Record<string, string> = {}) {
  const response = await fetch(`http://localhost:${port}${route}`, { headers })
  return { status: response.status, body: await response.text() }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

describe("npm run dev on a fresh machine (embedded PostgreSQL)", () => {
  const dataDir = path.join(os.tmpdir(), `engine-dev-${randomUUID().slice(0, 8)}`)
  let dev: DevProcess
  let port: number

  beforeAll(async () => {
    port = await findFreePort()
    dev = startDev({ PORT: String(port), EMBEDDED_PG_DIR: dataDir })
    await dev.waitForOutput(/\[dev\] ready: /, BOOT_TIMEOUT_MS)
  })

  afterAll(async () => {
    await dev?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it("starts PostgreSQL in the data directory, migrates and seeds it", async () => {
    expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true)
    const pgPort = Number(dev.stdout().match(/embedded PostgreSQL on port (\d+)/)?.[1])
    const count = await withClient(
      `postgres://postgres:postgres@localhost:${pgPort}/medusa`,
      async (client) => (await client.query("SELECT count(*)::int AS n FROM product")).rows[0].n
    )
    expect(count).toBe(DEMO_PRODUCTS.length)
  })

  it("serves /health, the seeded products with the printed key, and the admin at /app", async () => {
    const key = dev.stdout().match(/publishable key \(x-publishable-api-key\): (pk_\w+)/)?.[1]
    expect(key).toBeDefined()

    expect((await get(port, "/health")).status).toBe(200)
    const products = await get(port, "/store/products?limit=1", {
      "x-publishable-api-key": key as string,
    })
    expect(JSON.parse(products.body).count).toBe(DEMO_PRODUCTS.length)

    const app = await get(port, "/app")
    expect(app.status).toBe(200)
    expect(app.body).toMatch(/<div id="medusa"|<div id="root"/)
  })

  it("logs in with the admin credentials it printed", async () => {
    const [, email, password] = dev.stdout().match(/\[dev\] admin: (\S+) \/ (\S+)/) ?? []
    const login = await fetch(`http://localhost:${port}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const me = await get(port, "/admin/users/me", { authorization: `Bearer ${token}` })
    const admin = JSON.parse(me.body).user as { id: string; email: string }
    expect(admin.email).toBe(email)

    // Medusa's published development secret signs nothing here: the secrets are generated.
    const now = Math.floor(Date.now() / 1000)
    const forged = signJwt(
      { actor_id: admin.id, actor_type: "user", auth_identity_id: "", iat: now, exp: now + 600 },
      "supersecret"
    )
    const refused = await get(port, "/admin/users/me", { authorization: `Bearer ${forged}` })
    expect(refused.status).toBe(401)
  })

  it("stops PostgreSQL and the server when interrupted", async () => {
    expect(await dev.stop()).toBe(0)
    await expect(fetch(`http://localhost:${port}/health`)).rejects.toThrow()
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false)
  })
})

describe("npm run dev with DATABASE_URL", () => {
  const database = `engine_dev_${randomUUID().slice(0, 8)}`
  const databaseUrl = testServerUrl(database)
  let dev: DevProcess
  let port: number

  beforeAll(async () => {
    port = await findFreePort()
    const settings: Record<string, string> = {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SEED_DEMO_DATA: "false",
    }
    if (process.env.REDIS_URL) {
      // Exercise the Redis-backed modules too, on a database no other test uses.
      const redis = new URL(process.env.REDIS_URL)
      redis.pathname = "/15"
      settings.REDIS_URL = redis.toString()
    }
    dev = startDev(settings)
    await dev.waitForOutput(/\[dev\] ready: /, BOOT_TIMEOUT_MS)
  })

  afterAll(async () => {
    await dev?.stop()
    await withClient(testServerUrl("postgres"), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`)
    )
  })

  it("creates the database on that server, migrates it and skips the seed when told to", async () => {
    expect(dev.stdout()).toContain(`created database "${database}"`)
    expect(dev.stdout()).not.toContain("embedded PostgreSQL")
    const tables = await withClient(databaseUrl, async (client) => {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = ANY($1)",
        [["product", "order", "cart", "payment", "customer"]]
      )
      return rows[0].n
    })
    expect(tables).toBe(5)
    const products = await withClient(databaseUrl, async (client) => {
      return (await client.query("SELECT count(*)::int AS n FROM product")).rows[0].n
    })
    expect(products).toBe(0)
  })

  it("serves /health and enforces the publishable key on /store", async () => {
    expect((await get(port, "/health")).status).toBe(200)
    expect((await get(port, "/store/products")).status).toBe(400)
    if (process.env.REDIS_URL) {
      expect(dev.stdout()).toContain("REDIS_URL set")
    }
  })
})

describe("npm run dev interrupted while it migrates", () => {
  const dataDir = path.join(os.tmpdir(), `engine-dev-${randomUUID().slice(0, 8)}`)

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it("stops the migration and the embedded PostgreSQL, and exits 130", async () => {
    const dev = startDev({ PORT: String(await findFreePort()), EMBEDDED_PG_DIR: dataDir })
    try {
      await dev.waitForOutput(/applying migrations/, BOOT_TIMEOUT_MS)
      expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true)
    } finally {
      expect(await dev.stop()).toBe(130)
    }
    expect(dev.stdout()).toContain("[dev] interrupted: stopped before the server was up")
    expect(dev.stdout()).not.toContain("[dev] ready")
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false)
  })
})
