/**
 * `node scripts/migrate.js` in the image (compiled from this file): `medusa db:migrate`
 * under a PostgreSQL advisory lock, so containers that start together (the ECS tasks of
 * infra/, each running it before the engine) migrate one after the other; the later ones
 * find nothing left to do. The lock is held on its own connection for as long as the
 * migration runs and released when that connection closes, even if this process dies.
 */
import { spawn } from "node:child_process"
import { loadEnv } from "@medusajs/framework/utils"
import { Client } from "pg"
import { applyConnectionUrls } from "../src/config/connection-urls"
import { ConfigError, describeFailure } from "./lib/config-error"
import { fail, info } from "./lib/log"

const SCOPE = "migrate"
/** Any constant shared by every instance: the advisory lock's key. */
const LOCK_KEY = 0x6d696772 // "migr"

function medusaMigrate(): Promise<number> {
  const cli = require.resolve("@medusajs/cli/cli.js", { paths: [process.cwd()] })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "db:migrate"], { stdio: "inherit" })
    child.once("error", reject)
    child.once("exit", (code) => resolve(code ?? 1))
  })
}

async function main(): Promise<number> {
  loadEnv(process.env.NODE_ENV || "production", process.cwd())
  applyConnectionUrls(process.env)
  if (!process.env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is not set")
  }
  const client = new Client({ connectionString: process.env.DATABASE_URL })
  client.on("error", () => undefined)
  await client.connect()
  try {
    info(SCOPE, "waiting for the migration lock")
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY])
    info(SCOPE, "running medusa db:migrate")
    return await medusaMigrate()
  } finally {
    await client.end()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    fail(SCOPE, describeFailure(error))
    process.exit(1)
  }
)
