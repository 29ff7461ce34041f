/**
 * `npm run dev`: one command from a fresh clone to a running engine.
 *
 * Without DATABASE_URL it starts an embedded PostgreSQL (data in .data/postgres), creates
 * the database, applies Medusa's migrations, seeds the demo data once, then runs
 * `medusa develop`. Without JWT_SECRET / COOKIE_SECRET it uses random secrets generated
 * once per install (.data/dev-secrets.json), never Medusa's published default. Bad
 * configuration stops it with one line saying what to fix.
 */
import type { ChildProcess } from "node:child_process"
import path from "node:path"
import { loadEnv } from "@medusajs/framework/utils"
import { describeFailure } from "./lib/config-error"
import { ensureDevSecrets } from "./lib/dev-secrets"
import { ensureDatabase, parseDatabaseUrl, queryRows, type DatabaseTarget } from "./lib/database"
import { startEmbeddedPostgres, type EmbeddedServer } from "./lib/embedded-postgres"
import { fail, info } from "./lib/log"
import {
  MedusaCommandInterrupted,
  runMedusa,
  signalGroup,
  spawnMedusa,
  waitForGroupExit,
} from "./lib/medusa-cli"
import { assertPortFree, findFreePort, parsePort } from "./lib/port"
import { assertRedisReachable } from "./lib/redis"
import { DEMO_PUBLISHABLE_KEY_TITLE, demoAdminCredentials } from "../src/scripts/seed/demo-settings"

const SCOPE = "dev"
const ROOT = path.resolve(__dirname, "..")
const HEALTH_POLL_MS = 500
const DEV_SECRETS_FILE = path.join(ROOT, ".data/dev-secrets.json")

type Database = { target: DatabaseTarget; embedded?: EmbeddedServer }

async function openDatabase(env: NodeJS.ProcessEnv): Promise<Database> {
  if (env.DATABASE_URL) {
    const target = parseDatabaseUrl(env.DATABASE_URL)
    info(SCOPE, `using PostgreSQL at ${target.address}, database "${target.name}"`)
    return { target }
  }
  const port = env.EMBEDDED_PG_PORT
    ? parsePort(env.EMBEDDED_PG_PORT, "EMBEDDED_PG_PORT", 0)
    : await findFreePort()
  await assertPortFree(port, "EMBEDDED_PG_PORT", "127.0.0.1")
  const dataDir = path.resolve(ROOT, env.EMBEDDED_PG_DIR || ".data/postgres")
  info(SCOPE, `DATABASE_URL not set: starting embedded PostgreSQL on port ${port} (${dataDir})`)
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port,
    persistent: true,
    callerHandlesSignals: true,
  })
  const target = parseDatabaseUrl(embedded.urlFor(env.EMBEDDED_PG_DATABASE || "medusa"))
  return { target, embedded }
}

async function findPublishableKey(url: string): Promise<string | undefined> {
  const rows = await queryRows<{ token: string }>(
    url,
    "SELECT token FROM api_key WHERE type = 'publishable' AND title = $1 AND deleted_at IS NULL LIMIT 1",
    [DEMO_PUBLISHABLE_KEY_TITLE]
  )
  return rows[0]?.token
}

/** Polls GET /health until the server answers 200; false when it exits first. */
async function waitForHealth(port: number, exited: Promise<number>): Promise<boolean> {
  let done = false
  void exited.then(() => {
    done = true
  })
  while (!done) {
    try {
      const response = await fetch(`http://localhost:${port}/health`)
      if (response.ok) {
        return true
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS))
  }
  return false
}

/** Ctrl-C (or SIGTERM) before the server is up: stop where we are, then clean up. */
class Interrupted extends Error {}

async function main(): Promise<number> {
  loadEnv(process.env.NODE_ENV || "development", ROOT)
  const port = parsePort(process.env.PORT, "PORT", 9000)
  await assertPortFree(port, "PORT")
  if (process.env.REDIS_URL) {
    await assertRedisReachable(process.env.REDIS_URL)
    info(SCOPE, "REDIS_URL set: using the Redis event bus, workflow engine, locking and caching")
  }

  // This command owns the shutdown order (server, then database): a signal is passed on to
  // the Medusa command running now, and the steps below stop at the next check.
  let interrupted = false
  let running: ChildProcess | undefined
  const onSignal = () => {
    interrupted = true
    if (running) {
      signalGroup(running, "SIGINT")
    }
  }
  process.on("SIGINT", onSignal)
  process.on("SIGTERM", onSignal)
  process.on("SIGHUP", onSignal)
  const track = (child: ChildProcess) => {
    running = child
  }
  const checkInterrupted = () => {
    if (interrupted) {
      throw new Interrupted()
    }
  }

  const database = await openDatabase(process.env)
  const stopDatabase = async () => {
    await database.embedded?.stop()
  }
  try {
    checkInterrupted()
    if (await ensureDatabase(database.target)) {
      info(SCOPE, `created database "${database.target.name}"`)
    }
    const env = {
      ...process.env,
      ...ensureDevSecrets(process.env, DEV_SECRETS_FILE),
      DATABASE_URL: database.target.url,
      PORT: String(port),
    }

    info(SCOPE, "applying migrations (medusa db:migrate)")
    await runMedusa(["db:migrate"], env, "database migration", track)
    checkInterrupted()

    let publishableKey = await findPublishableKey(database.target.url)
    if (!publishableKey && process.env.SEED_DEMO_DATA !== "false") {
      info(SCOPE, "seeding demo data (npm run seed)")
      await runMedusa(["exec", "./src/scripts/seed.ts"], env, "demo seed", track)
      checkInterrupted()
      publishableKey = await findPublishableKey(database.target.url)
    }

    // Medusa's develop only shuts down cleanly on SIGINT, sent to its whole group.
    const develop = spawnMedusa(["develop", "--port", String(port)], env, { detached: true })
    track(develop)
    const exited = new Promise<number>((resolve) => {
      develop.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1)))
    })

    if (await waitForHealth(port, exited)) {
      const admin = demoAdminCredentials(env)
      const key = publishableKey ?? "none (seed skipped)"
      info(
        SCOPE,
        `ready: http://localhost:${port}  (admin dashboard: http://localhost:${port}/app)`
      )
      info(SCOPE, `admin: ${admin.email} / ${admin.password}`)
      info(SCOPE, `publishable key (x-publishable-api-key): ${key}`)
    }
    const code = await exited
    // The server develop forked may still be shutting down: it must be gone before the
    // database stops under it, and before this command says it has stopped.
    await waitForGroupExit(develop)
    return code
  } catch (error) {
    // The migration or seed may see the group's Ctrl-C, and end, before this process's own
    // handler has run: either way this command was interrupted.
    if (interrupted || error instanceof MedusaCommandInterrupted) {
      info(SCOPE, "interrupted: stopped before the server was up")
      return 130
    }
    throw error
  } finally {
    await stopDatabase()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    fail(SCOPE, describeFailure(error))
    process.exit(1)
  }
)
