import { positiveIntFromEnv } from "../utils/env"

/**
 * How long PostgreSQL work may take before it is given up (docs/SECURITY.md, "Fault
 * suite"): a request facing a locked row, a runaway statement, a silent network or a
 * restarting server gets a 503 instead of waiting without end.
 */
export type DatabaseTimeouts = {
  /** Server side: a statement running longer is cancelled (SQLSTATE 57014). */
  statementTimeoutMs: number
  /** Server side: waiting longer for a row or table lock fails (SQLSTATE 55P03). */
  lockTimeoutMs: number
  /**
   * Client side: no answer at all within this (a network or server that went silent).
   * Longer than the statement timeout, so the server cancels cleanly first when it can.
   */
  queryTimeoutMs: number
  /** Waiting longer for a connection from the pool (all busy, or none can be made) fails. */
  acquireTimeoutMs: number
}

const QUERY_TIMEOUT_MARGIN_MS = 2000

export function readDatabaseTimeouts(env: NodeJS.ProcessEnv = process.env): DatabaseTimeouts {
  const read = (name: string, fallback: number) => positiveIntFromEnv(env[name], fallback, name)
  const statementTimeoutMs = read("DB_STATEMENT_TIMEOUT_MS", 30_000)
  return {
    statementTimeoutMs,
    lockTimeoutMs: read("DB_LOCK_TIMEOUT_MS", 10_000),
    queryTimeoutMs: statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    acquireTimeoutMs: read("DB_ACQUIRE_TIMEOUT_MS", 10_000),
  }
}

/**
 * Connections of this process's pool (DB_POOL_MAX; Medusa's default, 10, when unset).
 * Every process has its own pool: N processes use up to N × this many connections, which
 * PostgreSQL's `max_connections` (100 by default) must allow.
 */
export function readDatabasePoolMax(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return env.DB_POOL_MAX ? positiveIntFromEnv(env.DB_POOL_MAX, 10, "DB_POOL_MAX") : undefined
}

/** The part of node-postgres' `defaults` the timeouts and the application name set. */
export type PgDefaults = {
  application_name?: string
  statement_timeout?: number | false
  lock_timeout?: number | false
  query_timeout?: number | false
}

/**
 * Sets the timeouts as node-postgres defaults, which every connection this process makes
 * takes (Medusa's knex pool, and so every module). Medusa passes no such option to its
 * pool, and a URL parameter would not survive the test runner building its own URL.
 * They bound the request path, so they are not set where no request is served: `medusa
 * db:*` commands (a migration may rightly lock or scan a large table for longer than any
 * request should), `medusa exec` scripts (seeds, backfills, benchmarks writing 100,000 rows
 * in one statement) and the worker process (`MEDUSA_WORKER_MODE=worker`: jobs such as the
 * nightly rollup rebuild run one long transaction). A single `shared` process serves
 * requests and runs the jobs: the timeouts hold for both there.
 */
export function applyDatabaseTimeouts(
  pgDefaults: PgDefaults,
  timeouts: DatabaseTimeouts,
  argv: string[] = process.argv,
  workerMode: string | undefined = process.env.MEDUSA_WORKER_MODE
): void {
  const noRequests =
    workerMode === "worker" || argv.some((arg) => arg.startsWith("db:") || arg === "exec")
  if (noRequests) {
    return
  }
  pgDefaults.statement_timeout = timeouts.statementTimeoutMs
  pgDefaults.lock_timeout = timeouts.lockTimeoutMs
  pgDefaults.query_timeout = timeouts.queryTimeoutMs
}

/**
 * Names this process's PostgreSQL connections by its role (`engine-server`, `engine-worker`,
 * `engine-shared`), so `pg_stat_activity` shows which processes hold connections, wait on
 * locks or run a slow statement, and a benchmark can count statements per role
 * (bench/write-ops.ts). PGAPPNAME, when set, is left to node-postgres (it wins).
 */
export function applyDatabaseApplicationName(
  pgDefaults: PgDefaults,
  workerMode: string | undefined = process.env.MEDUSA_WORKER_MODE
): void {
  const role = ["server", "worker"].includes(workerMode ?? "") ? workerMode : "shared"
  pgDefaults.application_name = `engine-${role}`
}
