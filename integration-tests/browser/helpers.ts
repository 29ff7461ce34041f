import { randomUUID } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { chromium, type Browser } from "playwright-core"
import { findFreePort } from "../../scripts/lib/port"
import { startDev, type DevProcess } from "../tooling/dev-process"

// What the browser tests share: a real server (`npm run dev`'s script: migrate, seed,
// `medusa develop`) on a fresh database, Debian's chromium, and screenshots for the docs.
export const BOOT_TIMEOUT_MS = 400_000
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const SCREENSHOTS = path.resolve(__dirname, "../../docs/screenshots")

const db = {
  host: process.env.DB_HOST || "localhost",
  port: process.env.DB_PORT || "5432",
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
const databaseUrl = (name: string) =>
  `postgres://${db.user}${db.password ? `:${encodeURIComponent(db.password)}` : ""}@${db.host}:${db.port}/${name}`

export type Engine = {
  dev: DevProcess
  base: string
  admin: { email: string; password: string }
  publishableKey: string
  /** Stops the server and drops its database. */
  stop: () => Promise<void>
}

/** `npm run dev`'s script on a free port and a new database, with extra settings. */
export async function startEngine(settings: Record<string, string> = {}): Promise<Engine> {
  const port = settings.PORT ? Number(settings.PORT) : await findFreePort()
  const dbName = `engine_browser_${randomUUID().slice(0, 8)}`
  const dev = startDev({ ...settings, PORT: String(port), DATABASE_URL: databaseUrl(dbName) })
  const stop = async () => {
    await dev.stop()
    const client = new Client({ connectionString: databaseUrl("postgres") })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
    await client.end()
  }
  try {
    const [, email, password] = await dev.waitForOutput(
      /\[dev\] admin: (\S+) \/ (\S+)\n/,
      BOOT_TIMEOUT_MS
    )
    const [, publishableKey] = await dev.waitForOutput(
      /\[dev\] publishable key \(x-publishable-api-key\): (\S+)\n/,
      BOOT_TIMEOUT_MS
    )
    return {
      dev,
      base: `http://localhost:${port}`,
      admin: { email, password },
      publishableKey,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

export type ApiCall = (
  method: string,
  route: string,
  body?: unknown,
  token?: string
) => Promise<{ status: number; data: any }> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A JSON call to the engine at `base`, as a storefront or an admin makes it. */
export function apiCaller(base: string): ApiCall {
  return async (method, route, body, token) => {
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
}

/** An admin's token from Medusa's own login (the dashboard's). */
export async function adminToken(call: ApiCall, admin: Engine["admin"]): Promise<string> {
  return (await call("POST", "/auth/user/emailpass", admin)).data.token
}

/** Debian's chromium, headless, without a browser download. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] })
}

/**
 * Screenshots for docs/screenshots. `medusa develop` restarts on new files in the
 * project, so they wait in a temporary folder and are copied once the server has stopped,
 * and only with UPDATE_SCREENSHOTS=true: a test run leaves the checkout clean.
 */
export class Screenshots {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-shots-"))

  path(name: string): string {
    return path.join(this.dir, `${name}.png`)
  }

  publish(): void {
    if (process.env.UPDATE_SCREENSHOTS === "true") {
      fs.mkdirSync(SCREENSHOTS, { recursive: true })
      for (const file of fs.readdirSync(this.dir)) {
        fs.copyFileSync(path.join(this.dir, file), path.join(SCREENSHOTS, file))
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
