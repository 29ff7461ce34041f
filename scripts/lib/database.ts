import { Client } from "pg"
import { ConfigError } from "./config-error"

const CONNECT_TIMEOUT_MS = 5_000

export type DatabaseTarget = {
  /** The URL Medusa will use. */
  url: string
  /** The database name inside it. */
  name: string
  /** The same server's maintenance database, used to create `name`. */
  maintenanceUrl: string
  /** host:port, for messages. */
  address: string
}

/** Splits a postgres:// URL; a ConfigError when it is not one. */
export function parseDatabaseUrl(url: string, envName = "DATABASE_URL"): DatabaseTarget {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ConfigError(
      `${envName} is not a valid URL: expected postgres://user:password@host:5432/database`
    )
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new ConfigError(`${envName} must start with postgres:// (got "${parsed.protocol}")`)
  }
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""))
  if (!name) {
    throw new ConfigError(`${envName} names no database: add one, e.g. postgres://…/medusa`)
  }
  const maintenance = new URL(url)
  maintenance.pathname = "/postgres"
  return {
    url,
    name,
    maintenanceUrl: maintenance.toString(),
    address: `${parsed.hostname}:${parsed.port || "5432"}`,
  }
}

function explainConnectionError(
  error: unknown,
  target: DatabaseTarget,
  envName: string
): ConfigError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const message = error instanceof Error ? error.message : String(error)
  if (
    code === "ECONNREFUSED" ||
    code === "ENOTFOUND" ||
    code === "EHOSTUNREACH" ||
    /timeout/i.test(message)
  ) {
    return new ConfigError(
      `cannot reach PostgreSQL at ${target.address} (${code ?? "timeout"}): start it, fix ${envName}, or unset ${envName} to use the embedded database`
    )
  }
  if (code === "28P01" || code === "28000") {
    return new ConfigError(
      `PostgreSQL at ${target.address} refused the credentials in ${envName}: ${message}`
    )
  }
  return new ConfigError(`PostgreSQL at ${target.address} failed: ${message} (check ${envName})`)
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  // A connection that dies later must not crash the command with an unhandled 'error'.
  client.on("error", () => undefined)
  await client.connect()
  return client
}

/**
 * Checks that the server answers and creates the database when it does not exist yet
 * (Medusa's `db:create` reads only `.env`, so the commands do it themselves).
 * Returns true when the database was created.
 */
export async function ensureDatabase(
  target: DatabaseTarget,
  envName = "DATABASE_URL"
): Promise<boolean> {
  let client: Client
  try {
    client = await connect(target.maintenanceUrl)
  } catch (error) {
    throw explainConnectionError(error, target, envName)
  }
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      target.name,
    ])
    if (existing.rowCount) {
      return false
    }
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(target.name)}`)
    return true
  } finally {
    await client.end()
  }
}

/** Runs one parameterised query against the target database and returns its rows. */
export async function queryRows<Row extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = []
): Promise<Row[]> {
  const client = await connect(url)
  try {
    const result = await client.query<Row>(sql, params)
    return result.rows
  } finally {
    await client.end()
  }
}

/** True when a server answers at the URL within the timeout. */
export async function isReachable(url: string): Promise<boolean> {
  try {
    const client = await connect(url)
    await client.end()
    return true
  } catch {
    return false
  }
}
